"""Inference speed-ups (lagebild.nlp.speed) must not change what the pipeline outputs."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from thinc.api import NumpyOps

from lagebild import nlp as lnlp
from lagebild.nlp import speed
from lagebild.nlp.speed import OpenBlasOps, cache_tok2vec_embeddings, use_openblas

TEXT = ("Nordkoreas Staatschef Kim Jong-un hat zugesagt, rund 6.000 Soldaten in die Region Kursk "
        "zu entsenden. Das teilte die staatliche russische Nachrichtenagentur TASS mit. "
        "Laut Kiew kämpfen etwa 10.000 bis 12.000 nordkoreanische Soldaten in Kursk.")

needs_model = pytest.mark.skipif(not (lnlp.MODEL_DIR / "config.cfg").exists(), reason="no packaged model")


@pytest.mark.parametrize("trans1,trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_openblas_gemm_matches_blis(trans1, trans2):
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((7, 5)).astype("float32")
    y = rng.standard_normal((5, 3)).astype("float32")
    x = numpy.ascontiguousarray(x.T) if trans1 else x
    y = numpy.ascontiguousarray(y.T) if trans2 else y
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = OpenBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    out = numpy.zeros_like(want)
    assert OpenBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, want, rtol=1e-5, atol=1e-5)


def test_openblas_gemm_rejects_vectors():
    with pytest.raises(ValueError, match="2-d"):
        OpenBlasOps().gemm(numpy.zeros(3, dtype="float32"), numpy.zeros((3, 2), dtype="float32"))


@pytest.fixture(scope="module")
def plain_and_fast():
    plain = spacy.load(lnlp.MODEL_DIR)      # blis, no cache
    fast = lnlp.load()                      # load() applies speed_up
    return plain, fast


def _annotations(doc):
    return ([(e.start, e.end, e.label_) for e in doc.ents],
            [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i) for t in doc])


@needs_model
def test_fast_pipeline_gives_the_same_analysis(plain_and_fast):
    plain, fast = plain_and_fast
    for _ in range(2):                      # second pass: served from the cache
        a, b = plain(TEXT), fast(TEXT)
        assert _annotations(a) == _annotations(b)
        numpy.testing.assert_allclose(a.tensor, b.tensor, atol=1e-4)


@needs_model
def test_cache_fills_once_per_word_and_honours_token_norms(plain_and_fast):
    plain, fast = plain_and_fast
    (cache,) = cache_tok2vec_embeddings(fast)
    fast(TEXT)
    size = len(cache)
    fast(TEXT)
    assert len(cache) == size               # nothing new to compute
    words = ["Soldaten", "in", "Kursk"]
    docs = []
    for nlp in (plain, fast):
        doc = Doc(nlp.vocab, words=words)
        doc[0].norm_ = "truppen"            # a token-level NORM, as tokenizer exceptions set
        docs.append(nlp.get_pipe("tok2vec")(doc))
    numpy.testing.assert_allclose(docs[0].tensor, docs[1].tensor, atol=1e-4)
    assert len(cache) == size + 1           # (Soldaten, truppen) is a key of its own


@needs_model
def test_new_words_embedded_in_parts_give_the_same_rows(monkeypatch):
    stems = ["Ber", "lin", "ge", "mein", "rat", "haus", "stadt", "wald", "griff", "sol", "da", "ten", "zug", "bahn"]
    words = [a + b.lower() + c for a in stems for b in stems for c in ("", "en")][:300]     # 300 new forms
    tensors = []
    for probe_words in (1000, 100):         # one probe doc, or three of 100 words
        monkeypatch.setattr(speed, "PROBE_WORDS", probe_words)
        nlp = lnlp.load()
        tensors.append(nlp.get_pipe("tok2vec")(Doc(nlp.vocab, words=words)).tensor)
    # Equal up to float32 rounding, not bit for bit: OpenBLAS picks its kernel by the CPU and the number of
    # rows, so a batch of 100 and one of 300 may sum in another order (seen on an AMD EPYC: 1e-6 apart).
    numpy.testing.assert_allclose(tensors[0], tensors[1], rtol=1e-5, atol=1e-5)


@needs_model
def test_training_step_and_new_weights_empty_the_cache():
    nlp = lnlp.load()
    (cache,) = cache_tok2vec_embeddings(nlp)
    tok2vec = nlp.get_pipe("tok2vec").model
    nlp(TEXT)
    assert len(cache) > 0
    tok2vec.begin_update([nlp.make_doc(TEXT)])
    assert len(cache) == 0
    nlp(TEXT)
    assert len(cache) > 0
    tok2vec.from_bytes(tok2vec.to_bytes())  # new parameter arrays: the old rows are stale
    before = len(cache)
    nlp("Kursk")
    assert 0 < len(cache) < before


@needs_model
def test_cache_starts_afresh_when_full():
    nlp = lnlp.load()
    (cache,) = cache_tok2vec_embeddings(nlp)
    cache.max_rows = 10
    doc = nlp(TEXT)
    assert len(cache) == len({(t.orth, t.norm) for t in doc})   # one batch is always held whole
    small = nlp("Kursk Kiew Moskau")
    assert len(cache) == 3 and [e.text for e in small.ents]


def test_use_openblas_reaches_every_layer():
    nlp = spacy.blank("de")
    tagger = nlp.add_pipe("tagger")
    tagger.add_label("NN")
    nlp.initialize()
    use_openblas(nlp)
    assert all(isinstance(node.ops, OpenBlasOps) for node in nlp.get_pipe("tagger").model.walk())


def test_no_huge_pages_turns_numpys_madvise_off():
    multiarray = pytest.importorskip("numpy._core.multiarray")
    before = multiarray._set_madvise_hugepage(True)
    try:
        lnlp.no_huge_pages()
        assert multiarray._set_madvise_hugepage(True) is False       # what it was: off
    finally:
        multiarray._set_madvise_hugepage(before)
