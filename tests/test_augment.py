"""Mention replacement (lagebild.training.augment) for NER training data."""
from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from lagebild.training.augment import collect_mentions, has_entity_annotation, make_mention_replacer, replace_mentions


def _doc(nlp, words, ents, spaces=None):
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.set_ents([doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab) for s, e, lab in ents],
                 default="outside")
    return doc


def test_collect_and_replace_keep_labels_and_spacing():
    nlp = spacy.blank("de")
    a = _doc(nlp, ["Kim", "Jong", "Un", "besuchte", "Moskau", "."], [(0, 3, "PER"), (4, 5, "LOC")],
             spaces=[True, True, True, True, False, False])
    b = _doc(nlp, ["Putin", "reiste", "nach", "Pjöngjang", "."], [(0, 1, "PER"), (3, 4, "LOC")],
             spaces=[True, True, True, False, False])
    pool = collect_mentions([a, b])
    assert pool == {"PER": [("Kim", "Jong", "Un"), ("Putin",)], "LOC": [("Moskau",), ("Pjöngjang",)]}
    rng = random.Random(1)
    copies = [replace_mentions(a, pool, 1.0, rng) for _ in range(20)]
    copies = [c for c in copies if c is not None]
    assert copies, "with prob 1.0 some draw picks a different mention"
    for c in copies:
        assert [e.label_ for e in c.ents] == ["PER", "LOC"]
        assert c.text.endswith(" besuchte " + c.ents[1].text + ".")
        assert all(t.ent_iob != 0 for t in c)           # O stays O, not missing
    assert {c.ents[0].text for c in copies} <= {"Kim Jong Un", "Putin"}
    assert replace_mentions(a, pool, 0.0, rng) is None


def test_augmenter_skips_docs_without_entity_annotation(tmp_path):
    nlp = spacy.blank("de")
    ner_doc = _doc(nlp, ["Putin", "reiste", "nach", "Kursk"], [(0, 1, "PER"), (3, 4, "LOC")])
    other = _doc(nlp, ["Kim", "reiste", "nach", "Moskau"], [(0, 1, "PER"), (3, 4, "LOC")])
    ud_doc = Doc(nlp.vocab, words=["Das", "ist", "gut"])      # entities missing, as in the UD docs
    assert has_entity_annotation(ner_doc) and not has_entity_annotation(ud_doc)
    path = tmp_path / "train.spacy"
    DocBin(docs=[ner_doc, other, ud_doc]).to_disk(path)
    augment = make_mention_replacer(str(path), prob=1.0, seed=0)
    ud_out = list(augment(nlp, Example(Doc(nlp.vocab, words=["Das", "ist", "gut"]), ud_doc)))
    assert len(ud_out) == 1
    outs = [list(augment(nlp, Example(Doc(nlp.vocab, words=[t.text for t in ner_doc]), ner_doc))) for _ in range(10)]
    assert all(out[0].reference is ner_doc for out in outs)
    extra = [out[1] for out in outs if len(out) == 2]
    assert extra and all(len(ex.predicted) == len(ex.reference) for ex in extra)
    assert all([e.label_ for e in ex.reference.ents] == ["PER", "LOC"] for ex in extra)
    off = make_mention_replacer(str(path), prob=0.0)
    assert len(list(off(nlp, Example(Doc(nlp.vocab, words=[t.text for t in ner_doc]), ner_doc)))) == 1
