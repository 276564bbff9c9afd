"""The trained attribution component (extract/attribution/learned.py) on invented sentences."""
from __future__ import annotations

import numpy as np
import pytest

from lagebild.extract.attribution import learned as L


@pytest.fixture(scope="module")
def model():
    m = L.load_model()
    if m is None:
        pytest.skip("no attribution weights packaged")
    return m


def said_by(doc, quotes):
    return [(doc.text[q.quote[0][0]: q.quote[-1][1]], " ".join(doc.text[a:b] for a, b in q.speaker)) for q in quotes]


def test_packaged_weights_carry_their_licence():
    import json

    meta = json.loads((L.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert "CC BY-NC-SA 4.0" in meta["license"]


def test_weights_of_another_feature_layout_are_not_used(tmp_path):
    np.savez_compressed(tmp_path / "weights.npz", sent_w=np.zeros(16), spk_w=np.zeros(16), bias=np.zeros(4))
    assert L.load_model(str(tmp_path)) is None
    assert L.load_model(str(tmp_path / "none")) is None


def test_speaker_of_a_reporting_verb(parser, model):
    doc = parser("Ein Sprecher der Feuerwehr sagte am Abend, es habe keine Verletzten gegeben.")
    found = said_by(doc, L.learned_quotations(doc, model))
    assert any("Sprecher" in sp and "Verletzten" in q for q, sp in found)


def test_reported_speech_carried_to_the_next_sentence(parser, model):
    doc = parser("Die Bürgermeisterin erklärte, die Brücke werde im Mai gesperrt. "
                 "Die Umleitung führe dann über die Nordstraße.")
    found = said_by(doc, L.learned_quotations(doc, model))
    assert any("Umleitung" in q and "Bürgermeisterin" in sp for q, sp in found)


def test_a_passage_in_marks_over_two_sentences_is_one_quotation(parser, model):
    doc = parser("Der Trainer sagte: „Wir haben gut gespielt. Am Ende fehlte das Glück.“ Danach fuhr das Team heim.")
    quotes = L.learned_quotations(doc, model)
    direct = [q for q in quotes if "Glück" in doc.text[q.quote[0][0]: q.quote[-1][1]]]
    assert len(direct) == 1 and "gut gespielt" in doc.text[direct[0].quote[0][0]: direct[0].quote[-1][1]]
    assert "Trainer" in " ".join(doc.text[a:b] for a, b in direct[0].speaker)
