"""Name typing: what a capitalised span of text names - a person, a place, an organisation, another
name (a work, an event, a product) or nothing (a common noun) - from the evidence around it.

A multinomial logistic regression over hashed features of the span and its parse context (trained by
``python -m lagebild.training.name_type`` on GermEval 2014 dev, gold chunks and the capitalised words
outside them; weights in ``models/name_type``). The features are the evidence a reader uses:

- the words of the span, their endings and shape (``-dorf``, ``-mann``, all capitals, a hyphen);
- the lexicon: the first word a name HanTa knows (a first name: ``Claus``), the last word a common noun
  of its vocabulary (``Granulat``, ``Fremdenhass``);
- the gazetteer: the span a place's name, with its kind and size;
- the context: the word before (a role or title noun ``Kämmerer``, an organisation's noun ``Verein``,
  a place noun ``Fluss``, a preposition ``in``/``nach``, an article), its ending, the word after
  (``sagte``, a bracket), and the parse: the span's relation, the lemma of the word it hangs on (a verb,
  a preposition and the verb above it), its case and number.

The entities step asks it about the NER's persons only (the largest error class on unseen news: common
nouns, products, rivers, clubs typed PER by the NER alone) and overrules the NER where the model is sure
the span is no person (`retype`).
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from . import packaged_softmax, softmax

CLASSES = ("PER", "LOC", "ORG", "OTH", "NONE")
DIM = 1 << 18
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "name_type"


# The word lists of lang/de the features read (through entities' helpers `_is_title`, `ORG_TYPE_HEADS`,
# `_place_noun`, `compound_head`, `name_like`'s noun endings, and places.place_type): a change of one changes the
# features the packaged weights were trained on. meta.json records their fingerprint at training; a test compares
# it with the lists as they are, so a list edited without a retrain (`python -m lagebild.training.name_type
# --save`) fails.
FEATURE_LISTS = ("person_titles", "organisation_types", "place_nouns", "place_types", "noun_endings")


def feature_lists_fingerprint() -> str:
    """sha256 over the entries of `FEATURE_LISTS` (sorted; comments and order of lines do not count)."""
    from ..lang import de

    h = hashlib.sha256()
    for name in FEATURE_LISTS:
        entries = sorted(de.words(name)) if (de.HERE / f"{name}.txt").exists() else sorted(
            "\t".join(r) for r in de.rows(name))
        h.update(("\n".join([name, *entries]) + "\n").encode("utf-8"))
    return h.hexdigest()


def feature_data_fingerprint() -> str:
    """sha256 over what the gazetteer features (`_gazetteer`) read besides the word lists: the country forms
    (form, country, kind; sorted) and the gazetteer's place and region files as shipped. Recorded in meta.json
    at training like `feature_lists_fingerprint`."""
    from ..geo import DATA
    from . import entities as E

    h = hashlib.sha256()
    for form, f in sorted(E.country_forms().items()):
        h.update(f"{form}\t{f.iso}\t{f.kind}\n".encode("utf-8"))
    for name in ("gazetteer.tsv.gz", "regions_de.tsv"):
        h.update(hashlib.sha256(DATA.joinpath(name).read_bytes()).digest())
    return h.hexdigest()


def _h(feat: str) -> int:
    return zlib.crc32(feat.encode("utf-8")) & (DIM - 1)


def _suffix_class(word: str) -> str:
    w = word.lower()
    return w[-4:] if len(w) > 5 else w


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "CAPS"
    if any(ch.isdigit() for ch in word):
        return "DIGIT"
    if "-" in word:
        return "HYPHEN"
    return "Cap" if word[:1].isupper() else "low"


def _lexical(word: str) -> list[str]:
    """What the lexicon and the word lists say of one word (lazy imports: entities imports this module)."""
    from ..lang.de.places import place_type
    from . import entities as E

    out = []
    reading = E.known_reading(word)
    tag, known = E.word_tag(word)
    if reading is None:
        reading = (tag == "NE") if known else None
    if reading is not True and tag.startswith("NN"):
        out.append("lexNN" if known else "guessNN")   # HanTa's best reading (or guess) a common noun
    out.append("lex=" + {True: "name", False: "word", None: "unknown"}[reading])
    if reading is not True and word.isalpha() and E.noun_head(word):
        out.append("nounhead")                         # "Fremden|hass": a compound of common nouns
    if E._is_title(word):
        out.append("title")
    low = word.lower()
    if low.endswith(E.ORG_TYPE_HEADS):
        out.append("orghead")
    if word[:1].isupper() and (E._place_noun(word) or place_type(word)):
        out.append("placenoun")
    return out


def _gazetteer(text: str) -> list[str]:
    from ..geo import gazetteer
    from . import entities as E

    out = []
    if text in E.country_forms():
        out.append("country")
    best = gazetteer().best(text)
    if best is not None:
        size = "big" if best.population >= 100_000 else "mid" if best.population >= 10_000 else "small"
        out += ["gaz", f"gaz={best.precision}:{size}"]
    return out


def features(span: Span) -> list[str]:
    """The feature strings of one span of a parsed Doc (`CLASSES` says what they decide)."""
    doc = span.doc
    words = [t.text for t in span]
    first, last = words[0], words[-1]
    f = [f"n={min(len(words), 3)}", "first=" + first.lower(), "last=" + last.lower(),
         "suf=" + _suffix_class(last), "suf3=" + last.lower()[-3:], "shape=" + _shape(last)]
    f += ["w=" + w.lower() for w in words]
    f += ["f:" + x for x in _lexical(first)] if len(words) > 1 else []
    f += ["l:" + x for x in _lexical(last)]
    f += _gazetteer(span.text)
    if last.endswith("s") and len(last) > 3:
        f.append("gen-s")
    if span.start == span.sent.start:
        f.append("sent0")
    if span.start > 0:
        p = doc[span.start - 1]
        f += ["p1=" + p.lower_, "p1tag=" + p.tag_]
        if p.text[:1].isupper() and p.is_alpha:
            f += ["p1suf=" + _suffix_class(p.text)] + ["p1:" + x for x in _lexical(p.text)]
        if span.start > 1:
            f += ["p2=" + doc[span.start - 2].lower_, "p21=" + doc[span.start - 2].lower_ + "_" + p.lower_]
    else:
        f.append("p1=<s>")
    if span.end < len(doc):
        n = doc[span.end]
        f += ["n1=" + n.lower_, "n1tag=" + n.tag_]
    else:
        f.append("n1=</s>")
    if span.start > 1:
        f.append("p2tag=" + doc[span.start - 2].tag_)
    f += ["tag=" + t.tag_ for t in span] + ["pos=" + span.root.pos_]
    root = span.root
    f += ["child=" + c.dep_ + "_" + c.tag_ for c in root.children if c.i < span.start or c.i >= span.end]
    f += ["dep=" + root.dep_, "case=" + ",".join(root.morph.get("Case", [])),
          "num=" + ",".join(root.morph.get("Number", []))]
    head = root.head
    if head.i < span.start or head.i >= span.end:
        f += ["hl=" + head.lemma_.lower(), "hpos=" + head.pos_, "hdep=" + root.dep_ + "_" + head.pos_]
        if head.pos_ == "ADP":
            f += ["prep=" + head.lemma_.lower(), "pgov=" + head.head.lemma_.lower()]
    return f


def hashed(feats: list[str]) -> list[int]:
    return sorted({_h(x) for x in feats})


@dataclass
class Model:
    w: np.ndarray          # DIM x len(CLASSES)
    b: np.ndarray          # len(CLASSES)
    threshold: float       # the NER's person is overruled where P(PER) is below this

    def probs(self, idx: list[int]) -> np.ndarray:
        z = self.b + self.w[idx].sum(axis=0)
        return softmax(z)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Model | None:
    """The packaged weights, or None where none are packaged (the NER's type then stands)."""
    arrays = packaged_softmax(path, MODEL_DIR, (DIM, len(CLASSES)))
    return Model(*arrays) if arrays is not None else None


def type_probs(span: Span, model: Model | None = None) -> dict[str, float] | None:
    model = model or load_model()
    if model is None:
        return None
    p = model.probs(hashed(features(span)))
    return dict(zip(CLASSES, (float(x) for x in p)))


def reading_over_mentions(spans: list[Span], doubt: float, sure: float) -> str | None:
    """One sense per article: the typer's probabilities averaged over every mention of one name (each mention's
    context is evidence: 'laut X berichtete', 'X stellte ein Smartphone vor', 'die Seite X'); the best reading other
    than a person's where the averaged P(PER) is below ``doubt`` and no mention's reaches ``sure`` (a clause only a
    person fits: 'X feierte mit seinem Team'), else None (the person stands)."""
    model = load_model()
    if model is None or not spans or not spans[0].doc.has_annotation("DEP"):
        return None
    ps = [model.probs(hashed(features(s))) for s in spans]
    p = np.mean(ps, axis=0)
    if p[0] >= doubt or max(q[0] for q in ps) >= sure:
        return None
    return CLASSES[1 + int(np.argmax(p[1:]))]


def retype(span: Span, threshold: float | None = None) -> str | None:
    """The type the evidence gives a span the NER calls a person, where it overrules the NER: "LOC",
    "ORG", "OTH" or "NONE" (no name); None where the person stands (or no model is packaged, or the Doc
    has no parse). ``threshold``: P(PER) below which the person is overruled, where the person has less
    evidence than the NER's (the model's own threshold by default)."""
    model = load_model()
    if model is None or not span.doc.has_annotation("DEP"):
        return None                                    # no parse (a blank pipeline): the features are the parse's
    p = model.probs(hashed(features(span)))
    best = int(np.argmax(p))
    if p[0] >= (model.threshold if threshold is None else threshold) or CLASSES[best] == "PER":
        return None
    return CLASSES[best]
