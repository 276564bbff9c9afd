"""Mention replacement: more NER contexts from the same 2,200 gold sentences.

Dai & Adel (2020, "An Analysis of Simple Data Augmentation for Named Entity
Recognition") found that swapping an entity mention for another mention of the
same type from the training set helps most when gold data is scarce. For each
training document that carries entity annotation, the augmenter yields the
original and a copy in which every mention is replaced, with probability
``prob``, by a random training mention of the same GermEval label (``PER`` by a
``PER``, ``LOCderiv`` by a ``LOCderiv``). A fresh copy is drawn every epoch.
Documents without entity annotation (the UD treebanks in the joint corpus) pass
through unchanged, and the copies carry entities only (their syntax is missing),
so the parser and tagger never learn from a spliced sentence.

Named in a config as ``[corpora.train.augmenter] @augmenters =
"lagebild.mention_replace.v1"``; ``prob = 0`` turns it off.
"""
from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry
from spacy.vocab import Vocab


def collect_mentions(docs) -> dict[str, list[tuple[str, ...]]]:
    """Label -> the distinct mentions (as word tuples) in annotated docs."""
    pool: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for doc in docs:
        for ent in doc.ents:
            pool[ent.label_].add(tuple(t.text for t in ent))
    return {label: sorted(mentions) for label, mentions in pool.items()}


def has_entity_annotation(doc: Doc) -> bool:
    """True when the doc's tokens are annotated for NER (entity or O), not missing."""
    return len(doc) > 0 and all(t.ent_iob != 0 for t in doc)


def replace_mentions(doc: Doc, pool: dict[str, list[tuple[str, ...]]], prob: float,
                     rng: random.Random, vocab: Vocab | None = None) -> Doc | None:
    """A copy of ``doc`` with each mention swapped with probability ``prob``; None if none was."""
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    swapped = False
    i = 0
    starts = {ent.start: ent for ent in doc.ents}
    while i < len(doc):
        ent = starts.get(i)
        if ent is None:
            words.append(doc[i].text)
            spaces.append(bool(doc[i].whitespace_))
            i += 1
            continue
        mention = tuple(t.text for t in ent)
        choices = pool.get(ent.label_, ())
        if choices and rng.random() < prob:
            mention = choices[rng.randrange(len(choices))]
            swapped = True
        start = len(words)
        words.extend(mention)
        spaces.extend([True] * (len(mention) - 1) + [bool(doc[ent.end - 1].whitespace_)])
        ents.append((start, len(words), ent.label_))
        i = ent.end
    if not swapped:
        return None
    new = Doc(vocab or doc.vocab, words=words, spaces=spaces)
    spans = [new.char_span(new[s].idx, new[e - 1].idx + len(new[e - 1]), label=lab) for s, e, lab in ents]
    new.set_ents([sp for sp in spans if sp is not None], default="outside")
    return new


@registry.augmenters("lagebild.mention_replace.v1")
def make_mention_replacer(path: str, prob: float = 0.3, seed: int = 0
                          ) -> Callable[[Language, Example], Iterator[Example]]:
    """Augmenter over the training DocBin at ``path`` (its mentions are the replacement pool)."""
    pool: dict[str, list[tuple[str, ...]]] | None = None
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        nonlocal pool
        yield example
        if prob <= 0 or not has_entity_annotation(example.reference):
            return
        if pool is None:
            docs = DocBin().from_disk(Path(path)).get_docs(nlp.vocab)
            pool = collect_mentions(d for d in docs if has_entity_annotation(d))
        copy = replace_mentions(example.reference, pool, prob, rng, nlp.vocab)
        if copy is not None:
            words, spaces = [t.text for t in copy], [bool(t.whitespace_) for t in copy]
            yield Example(Doc(nlp.vocab, words=words, spaces=spaces), copy)

    return augment
