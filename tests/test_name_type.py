"""The name typer's packaged weights and its training step (no corpus needed: synthetic rows)."""
from __future__ import annotations

import json

import numpy as np

from lagebild.extract import name_type as N
from lagebild.training.name_type import fit


def test_the_packaged_weights_load_and_agree_with_their_meta():
    # load_model() answers None on a missing file or a shape mismatch, and the typer's tests then skip:
    # the packaged model must load, with the classes, feature dimension and threshold its meta.json states
    model = N.load_model()
    assert model is not None
    meta = json.loads((N.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert tuple(meta["classes"]) == N.CLASSES and meta["dim"] == N.DIM
    assert model.w.shape == (N.DIM, len(N.CLASSES)) and model.threshold == meta["threshold"]
    assert "CC BY 4.0" in meta["license"]


def test_training_is_deterministic_and_learns_separable_rows():
    # two feature sets, one per class; each row also given without its "own words" (the drop-out copy)
    rows = [([1, 2], 0, None, [2]), ([3, 4], 1, None, [4])] * 20
    w1, b1 = fit(rows, epochs=3, seed=0)
    w2, b2 = fit(rows, epochs=3, seed=0)
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)      # seed 0: the same weights every run
    model = N.Model(w1.astype(np.float32), b1.astype(np.float32), 0.2)
    assert int(np.argmax(model.probs([1, 2]))) == 0 and int(np.argmax(model.probs([3, 4]))) == 1


def test_the_word_lists_the_features_read_are_those_the_weights_were_trained_with():
    # the features read lang/de lists through entities' helpers: an edit of one (a new title, place noun, noun
    # ending) changes the features under the packaged weights - retrain (`python -m lagebild.training.name_type
    # --save`), which records the lists' fingerprint in meta.json
    meta = json.loads((N.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["feature_lists_sha256"] == N.feature_lists_fingerprint()


def test_the_gazetteer_data_the_features_read_is_that_the_weights_were_trained_with():
    # the features read the country forms and the gazetteer (`_gazetteer`): the fingerprint of both at training
    # is in meta.json; a change of the country forms or gazetteer files without a retrain fails here
    meta = json.loads((N.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["feature_data_sha256"] == N.feature_data_fingerprint()


def test_the_fingerprint_changes_with_a_list_entry(monkeypatch):
    from lagebild.lang import de

    before = N.feature_lists_fingerprint()
    words = de.words
    monkeypatch.setattr(de, "words", lambda name: words(name) | {"oberzauberer"} if name == "person_titles" else
                        words(name))
    assert N.feature_lists_fingerprint() != before
