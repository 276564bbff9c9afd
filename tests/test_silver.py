"""Silver NER docs for self-training: teacher agreement and full annotation."""
import spacy
from spacy.tokens import Doc, DocBin

from lagebild.training.silver import build_silver, sentences, silver_docs


def _teacher(patterns):
    nlp = spacy.blank("de")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    return nlp


KIM = {"label": "PER", "pattern": [{"ORTH": "Kim"}, {"ORTH": "Jong"}, {"ORTH": "Un"}]}
KURSK = {"label": "LOC", "pattern": "Kursk"}
SENTS = [["Kim", "Jong", "Un", "besucht", "Kursk", "."], ["Kim", "Jong", "Un", "schweigt", "."], ["Es", "regnet", "."]]


def test_only_sentences_all_teachers_agree_on_are_kept():
    a, b = _teacher([KIM, KURSK]), _teacher([KIM])
    docs, seen = silver_docs([a, b], SENTS, a.vocab)
    assert seen == 3
    # the first sentence is dropped (b misses Kursk); an entity-less sentence both agree on stays
    assert [[t.text for t in d] for d in docs] == SENTS[1:]
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Kim Jong Un", "PER")]


def test_silver_docs_are_fully_annotated_with_no_syntax():
    a = _teacher([KIM, KURSK])
    docs, _ = silver_docs([a], SENTS, a.vocab)
    doc = docs[0]
    assert [t.ent_iob_ for t in doc] == ["B", "I", "I", "O", "B", "O"]     # O, not missing
    assert not doc.has_annotation("DEP") and not doc.has_annotation("TAG")


def test_sentences_split_multi_sentence_gold_docs():
    vocab = spacy.blank("de").vocab
    doc = Doc(vocab, words=["Er", "kam", ".", "Sie", "ging", "."], sent_starts=[True, False, False, True, False, False])
    assert list(sentences([doc])) == [["Er", "kam", "."], ["Sie", "ging", "."]]


def test_build_silver_writes_a_docbin(tmp_path):
    teacher = _teacher([KIM, KURSK])
    teacher.to_disk(tmp_path / "teacher")
    src = tmp_path / "ud.spacy"
    DocBin(docs=[Doc(teacher.vocab, words=w) for w in SENTS]).to_disk(src)
    res = build_silver([tmp_path / "teacher"], src, tmp_path / "silver.spacy")
    assert (res["sentences"], res["agreed"], res["entities"]) == (3, 3, 3)
    back = list(DocBin().from_disk(tmp_path / "silver.spacy").get_docs(teacher.vocab))
    assert [e.text for e in back[0].ents] == ["Kim Jong Un", "Kursk"]
