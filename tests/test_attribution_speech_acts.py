"""The learned decision for Reported speech (extract/attribution/speech_acts.py) on invented sentences."""
from __future__ import annotations

import json

from lagebild.extract.attribution import learned as L
from lagebild.extract.attribution import speech_acts as S
from lagebild.training.attribution_acts import fit


def _pairs(doc):
    return [(v.text, a.text) for sent in doc.sents for v in S.clause_verbs(sent) for a in S.arguments(v)]


def test_a_speech_act_verb_and_its_arguments_are_a_pair(parser):
    doc = parser("Der Landrat forderte am Montag ein Verbot der Feuerwerke.")
    assert ("forderte", "Landrat") in _pairs(doc)


def test_a_speech_act_in_a_subordinate_clause_is_a_pair(parser):
    doc = parser("Die Stadt schloss das Bad, während die Schwimmvereine den Schritt kritisierten.")
    assert ("kritisierten", "Schwimmvereine") in _pairs(doc)


def test_features_say_the_verbs_class_and_what_it_governs(parser):
    doc = parser("Die Gewerkschaft warnte vor weiteren Streiks.")
    verb = next(t for t in doc if t.lower_ == "warnte")
    feats = S.pair_features(verb, next(a for a in S.arguments(verb) if a.lower_ == "gewerkschaft"))
    assert "cls=report" in feats and "gov=pp:vor" in feats


def test_a_pointer_to_the_outlets_own_report_is_in_brackets(parser):
    doc = parser("Der Tunnel bleibt bis Ende Mai gesperrt (der Kurier berichtete).")
    verb = next(t for t in doc if t.lower_ == "berichtete")
    arg = next(a for a in S.arguments(verb) if a.lower_ == "kurier")
    assert "brackets" in S.pair_features(verb, arg)


def _model(feats: dict[str, float], threshold: float = 0.5) -> S.ActModel:
    return S.ActModel(feats, -2.0, threshold)


def test_an_accepted_speech_act_is_a_reported_quotation_of_its_argument(parser):
    doc = parser("Der Tunnel ist seit Freitag gesperrt. Der Bürgermeister kündigte eine Prüfung der Statik an.")
    model = _model({"cls=report|dep=nsubj": 4.0})
    out = S.reported_acts(doc, list(doc.sents), [], model)
    assert [(q.type, doc.text[q.speaker[0][0]: q.speaker[-1][1]]) for q in out] == [("Reported", "Der Bürgermeister")]


def test_a_sentence_with_a_quotation_is_left(parser):
    doc = parser("Der Bürgermeister kündigte eine Prüfung der Statik an.")
    sents = list(doc.sents)
    model = _model({"cls=report|dep=nsubj": 4.0})
    held = S.reported_acts(doc, sents, [], model)
    assert S.reported_acts(doc, sents, held, model) == held


def test_under_the_threshold_or_without_weights_nothing_is_added(parser):
    doc = parser("Der Bürgermeister kündigte eine Prüfung der Statik an.")
    sents = list(doc.sents)
    assert S.reported_acts(doc, sents, [], _model({"cls=report|dep=nsubj": 1.0})) == []
    assert S.reported_acts(doc, sents, [], None) == []


def test_weights_load_with_their_threshold(tmp_path):
    f = tmp_path / "acts.json"
    f.write_text(json.dumps({"meta": {"license": "CC BY-NC-SA 4.0"}, "threshold": 0.7, "bias": -1.0,
                             "weights": {"bias": 0.5}}), encoding="utf-8")
    m = S.load_act_model(str(f))
    assert m.threshold == 0.7 and abs(m.score(["bias"]) - 1 / (1 + 2.718281828 ** 0.5)) < 1e-6
    assert S.load_act_model(str(tmp_path / "none.json")) is None


def test_packaged_weights_carry_their_licence():
    if S.MODEL_FILE.exists():
        assert "CC BY-NC-SA 4.0" in json.loads(S.MODEL_FILE.read_text(encoding="utf-8"))["meta"]["license"]


def test_the_fit_learns_a_feature_that_marks_the_positives():
    rows = [(["bias", "a"], 1)] * 20 + [(["bias", "b"], 0)] * 60
    w, b = fit(rows, epochs=5, min_count=2)
    assert w["a"] > 0 > w["b"]


def test_the_claims_path_does_not_ask_it():
    import inspect

    assert "reported_acts" not in inspect.getsource(L.LearnedDoc)


def test_learned_quotations_take_it_only_where_asked(parser):
    model = L.load_model()
    if model is None:
        return
    doc = parser("Der Tunnel ist seit Freitag gesperrt.")
    assert not L.REPORTED_ACTS               # off: on dev within noise (ATTRIBUTION.md, session 31)
    assert all(q.how != "learned-act" for q in L.learned_quotations(doc, model))
    taken = L.learned_quotations(doc, model, acts=_model({"bias": 10.0}))
    assert [q.how for q in taken] == ["learned-act"]
