"""Silver NER annotations for self-training.

A teacher pipeline (or several) tags sentences that have no gold entities; the
sentences on which every teacher finds exactly the same entities become extra
NER training docs, fully annotated (every other token O) and with no syntax
(the joint model treats syntax there as missing, as on GermEval docs).
Agreement of two differently sized teachers is a cheap confidence filter:
their shared errors pass, their individual ones do not.

The sources are the UD treebank text (CC BY-SA, already inside the shipped
model) and the Europeana newspaper text (CC0): the NC-licensed news corpora
stay out of anything we ship.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

# ``all --self-train``: the recipe as configured, and the same with a wider NER hidden layer
# (cross-validation, training/RESULTS.md: the two differ enough for agreement to filter errors).
TEACHER_VARIANTS: tuple[dict[str, Any], ...] = ({}, {"vars.ner_hidden": 128})
# Texts the teachers tag (corpus DocBin -> extra training set); both licences allow a shipped model.
SILVER_SOURCES = {"silver-ud": "ud_all.spacy", "silver-europeana": "europeana_full.spacy"}


def sentences(docs: Iterable[Doc]) -> Iterator[list[str]]:
    """The words of each gold sentence (UD docs hold ten sentences each)."""
    for doc in docs:
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                yield [t.text for t in sent]
        else:
            yield [t.text for t in doc]


def _entities(nlp: Language, sents: list[list[str]]) -> list[tuple[tuple[int, int, str], ...]]:
    docs = nlp.pipe(Doc(nlp.vocab, words=words) for words in sents)
    return [tuple((e.start, e.end, e.label_) for e in doc.ents) for doc in docs]


def silver_docs(teachers: list[Language], sents: Iterable[list[str]], vocab: Vocab) -> tuple[list[Doc], int]:
    """Docs for the sentences all teachers agree on; returns (docs, sentences seen)."""
    if not teachers:
        raise ValueError("silver_docs needs at least one teacher pipeline")
    sents = list(sents)
    first, *others = [_entities(t, sents) for t in teachers]     # each teacher tags in batches
    out = []
    for i, words in enumerate(sents):
        if any(o[i] != first[i] for o in others):
            continue
        doc = Doc(vocab, words=words)
        doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in first[i]], default="outside")
        out.append(doc)
    return out, len(sents)


def build_silver(teacher_dirs: list[Path], source: Path, out: Path) -> dict:
    """Tag every sentence of the DocBin ``source`` with the teachers; write the agreed ones to ``out``."""
    from lagebild.nlp import load

    teachers = [load(p) for p in teacher_dirs]
    vocab = teachers[0].vocab
    gold = DocBin().from_disk(source).get_docs(vocab)
    docs, seen = silver_docs(teachers, sentences(gold), vocab)
    out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(out)
    return {"source": str(source), "teachers": [str(p) for p in teacher_dirs], "sentences": seen,
            "agreed": len(docs), "entities": sum(len(d.ents) for d in docs), "out": str(out)}
