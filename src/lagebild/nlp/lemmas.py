"""Lemma table from HanTa, keyed by word form and STTS tag.

HanTa (a TIGER-trained morphological analyser) lemmatises German better than
an edit-tree lemmatizer trained on our 1,800 UD sentences, but at ~0.4 ms per
uncached word it would halve the pipeline's speed. So the training step asks
HanTa once for every frequent word form and each tag HanTa considers
possible, and stores the answers; at run time the component looks the form up
under the tag our tagger predicted. Forms missing from the table keep the
trainable lemmatizer's lemma.
"""
from __future__ import annotations

import gzip
import json
import logging
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)


def hanta_to_stts(tag: str) -> str:
    """'VV(FIN)' -> 'VVFIN', 'ADJ(A)' -> 'ADJA', 'PROAV' -> 'PAV' (the STTS/TIGER spelling)."""
    tag = tag.replace("(", "").replace(")", "")
    return "PAV" if tag == "PROAV" else tag


def stts_to_hanta(tag: str) -> str:
    if tag == "PAV":
        return "PROAV"
    if tag[:2] in ("VV", "VA", "VM") and len(tag) > 2:
        return f"{tag[:2]}({tag[2:]})"
    if tag in ("ADJA", "ADJD"):
        return f"ADJ({tag[3]})"
    return tag


# HanTa is asked about open word classes only: for pronouns, articles and particles
# the lemmatizer trained on UD follows UD's conventions (mich -> ich), HanTa does not.
OPEN_TAGS = ("NN", "VV", "VA", "VM", "ADJ")


def build_table(words: list[str], *, cutoff: int = 3, extra_tags: dict[str, set[str]] | None = None) -> dict:
    """{form: {STTS tag: lemma}} for the tags HanTa deems possible (plus ``extra_tags``)."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    table: dict[str, dict[str, str]] = {}
    for i, w in enumerate(words):
        # acronyms keep their form (HanTa would turn "SPD" into "Spd")
        if not w or len(w) > 40 or not any(c.isalpha() for c in w) or (w.isupper() and len(w) > 1):
            continue
        tags = {t for t, _ in tagger.tag_word(w, cutoff=cutoff)}
        tags |= {stts_to_hanta(t) for t in (extra_tags or {}).get(w, ())}
        entry = {}
        for t in sorted(tags):
            if not t.startswith(OPEN_TAGS):
                continue
            try:
                lemma, _ = tagger.analyze(w, pos=t, taglevel=1)
            except Exception:       # HanTa raises on tags it cannot reach for this form
                continue
            entry[hanta_to_stts(t)] = lemma
        if entry:
            table[w] = entry
        if i and i % 20000 == 0:
            log.info("lemma table: %d/%d forms", i, len(words))
    return table


# `nlp` unannotated: under postponed annotations confection < 1 (spaCy < 3.8.8) cannot resolve it
@Language.factory("lagebild_lemmas", assigns=["token.lemma"], requires=["token.tag"],
                  default_config={"overwrite": True})
def make_lemmas(nlp, name: str, overwrite: bool) -> "LemmaTable":
    return LemmaTable(name, overwrite=overwrite)


class LemmaTable:
    """Sets token.lemma_ from the (form, tag) table; unknown forms keep their lemma."""

    def __init__(self, name: str, *, overwrite: bool = True):
        self.name = name
        self.overwrite = overwrite
        self.table: dict[str, dict[str, str]] = {}

    def initialize(self, get_examples=None, *, nlp=None, table: dict | None = None):
        self.table = table or {}

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for tok in doc:
            entry = table.get(tok.text)
            if entry is None:
                continue
            if tok.lemma_ and not self.overwrite:
                continue
            lemma = entry.get(tok.tag_)
            if lemma is not None:
                tok.lemma_ = lemma
            elif tok.tag_ not in ("NE",) and len(entry) == 1 and tok.tag_[:1] == next(iter(entry))[:1]:
                # same word class, other subtag (e.g. VVFIN vs VVPP): HanTa's only reading
                tok.lemma_ = next(iter(entry.values()))
        return doc

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with gzip.open(path / "lemmas.json.gz", "wt", encoding="utf-8") as f:
            json.dump(self.table, f, ensure_ascii=False, separators=(",", ":"))

    def from_disk(self, path, *, exclude=()):
        self.table = _load((Path(path) / "lemmas.json.gz").resolve())
        return self


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, dict[str, str]]:
    """A lemma table file, read once per process: the pipeline's component and `readings` share the packaged one
    (read only, never changed)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


PACKAGED = Path(__file__).resolve().parent.parent / "models" / "de_lagebild" / "lagebild_lemmas" / "lemmas.json.gz"


def packaged_table() -> dict[str, dict[str, str]]:
    """The packaged pipeline's lemma table (form -> {STTS tag: lemma}), the very dict its component holds where the
    pipeline is loaded; empty where no pipeline is packaged."""
    return _load(PACKAGED) if PACKAGED.exists() else {}


def readings(form: str) -> dict[str, str] | None:
    """HanTa's readings of a word form ({STTS tag: lemma}: "Gehälter" -> {"NN": "Gehalt"}, "Verletzte" -> ADJA,
    NNA, VVFIN), None for a form the table does not hold."""
    return packaged_table().get(form)
