"""Training de_lagebild: readers, conlleval-style scoring and a tiny end-to-end run."""
from __future__ import annotations

import pytest

from lagebild.training import corpus as C


def test_iob_to_spans_conlleval_rules():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-LOCderiv", "B-LOCderiv", "I-ORG"]
    assert C.iob_to_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOCderiv"), (5, 6, "LOCderiv"),
                                    (6, 7, "ORG")]


@pytest.mark.parametrize("raw,clean", [("B-PER", "B-PER"), ("B-PEr", "B-PER"), ("I_ORG", "I-ORG"),
                                       ("B.PER", "B-PER"), ("B-OLOC", "B-LOC"), ("B-LOCer", "B-LOC"),
                                       ("BER", "B-PER"), ("I-MISC", "O"), ("v", "O"), ("O", "O")])
def test_europeana_tag_cleaning(raw, clean):
    assert C.clean_europeana_tag(raw) == clean


def test_conllu_multiword_tokens_are_merged(tmp_path):
    p = tmp_path / "x.conllu"
    p.write_text(
        "# text = Er war im Haus.\n"
        "1\tEr\ter\tPRON\tPPER\t_\t2\tnsubj\t_\t_\n"
        "2\twar\tsein\tAUX\tVAFIN\t_\t0\troot\t_\t_\n"
        "3-4\tim\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "3\tin\tin\tADP\tAPPR\t_\t5\tcase\t_\t_\n"
        "4\tdem\tder\tDET\tART\tCase=Dat\t5\tdet\t_\t_\n"
        "5\tHaus\tHaus\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No\n"
        "6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n\n", encoding="utf-8")
    (sent,) = C.read_conllu(p)
    assert [t["word"] for t in sent] == ["Er", "war", "im", "Haus", "."]
    im = sent[2]
    assert (im["tag"], im["pos"], im["lemma"], im["head"], im["dep"]) == ("APPRART", "ADP", "in", 3, "case")
    assert sent[1]["head"] == -1 and sent[3]["head"] == 1 and not sent[3]["space"]


def test_tiny_training_run_gives_loadable_model(shared_dir, tmp_path):
    """corpus -> vectors -> syntax + NER -> assembled pipeline, on a few docs in seconds."""
    import json

    from spacy.tokens import Doc

    from lagebild.nlp import load
    from lagebild.training.__main__ import main

    data = shared_dir / "data"
    if not (data / "germeval2014_ner").is_dir():
        pytest.skip("GermEval 2014 not in ../shared/data")
    out = tmp_path / "model"
    assert main(["all", "--tiny", "--data", str(data), "--work", str(tmp_path / "work"), "--out", str(out)]) == 0
    nlp = load(out)
    assert {"tagger", "parser", "ner", "lagebild_gazetteer"} <= set(nlp.pipe_names)
    doc = nlp(Doc(nlp.vocab, words=["Angela", "Merkel", "besuchte", "Kursk", "."]))
    assert len(doc) == 5 and all(t.tag_ for t in doc)
    assert json.loads((out / "meta.json").read_text())["name"] == "lagebild"


def test_tiny_training_with_lexicon_flags(shared_dir, tmp_path):
    """The shipped recipe (joint_flags.cfg, --full --self-train): two teachers, silver, the model;
    it loads with the flags set and names the silver among its sources."""
    import json

    from pathlib import Path

    from spacy.tokens import Doc

    from lagebild.nlp import load
    from lagebild.nlp.features import FLAGS, word_sets
    from lagebild.training.__main__ import main

    data = shared_dir / "data"
    if not (data / "germeval2014_ner").is_dir() or not word_sets()["known_name"]:
        pytest.skip("GermEval 2014 or the word table missing")
    cfg = Path(__file__).resolve().parent.parent / "training" / "joint_flags.cfg"
    out = tmp_path / "model"
    assert main(["all", "--tiny", "--full", "--self-train", "--config", str(cfg), "--data", str(data),
                 "--work", str(tmp_path / "work"), "--out", str(out), "--lemma-words", "0"]) == 0
    assert (tmp_path / "work" / "runs" / "teacher_1" / "model-last").is_dir()
    assert (tmp_path / "work" / "corpus" / "silver_ud.spacy").exists()
    assert (tmp_path / "work" / "corpus" / "silver_europeana.spacy").exists()
    meta = json.loads((out / "meta.json").read_text())
    assert sum("silver" in s["name"] for s in meta["sources"]) == 2 and meta["benchmark_seen"] == []
    nlp = load(out)
    doc = nlp(Doc(nlp.vocab, words=["Merkel", "besuchte", "Kursk"]))
    assert doc.to_array([FLAGS["known_name"]]).ravel().tolist() == [1, 0, 0]
    assert "FLAG20" in nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]


def test_tiny_cross_validation_scores_each_fold(shared_dir, tmp_path):
    """cv: folds over GermEval dev, each trained with UD and scored on its held-out sentences."""
    import json

    from lagebild.training.__main__ import main

    data = shared_dir / "data"
    if not (data / "germeval2014_ner").is_dir():
        pytest.skip("GermEval 2014 not in ../shared/data")
    work = tmp_path / "work"
    assert main(["corpus", "--tiny", "--data", str(data), "--work", str(work)]) == 0
    out = tmp_path / "cv"
    assert main(["cv", "--tiny", "--folds", "2", "--work", str(work), "--out", str(out)]) == 0
    res = json.loads((out / "cv.json").read_text())
    assert res["folds"] == 2 and len(res["ents_f"]) == 2 and all(0 <= f <= 100 for f in res["ents_f"])
    assert not (out / "fold0" / "model-last").exists()
    dev0 = (out / "fold0" / "dev.spacy").stat().st_size
    assert dev0 > 0 and (out / "fold1" / "train.spacy").exists()


def test_extras_name_joins_and_drops_none():
    from lagebild.training.build import extras_name

    assert extras_name([]) == extras_name("none") == extras_name(["none"]) == "none"
    assert extras_name("silver-ud") == "silver-ud"
    assert extras_name(["silver-ud", "germeval-test"]) == "silver-ud+germeval-test"


def test_missing_silver_is_a_clear_error(tmp_path):
    from lagebild.training.build import extra_docbin

    with pytest.raises(FileNotFoundError, match="silver --teacher"):
        extra_docbin("silver-ud", tmp_path)


def test_model_trained_on_the_benchmark_says_so(shared_dir, tmp_path, capsys):
    """--extra germeval-test (the users' model): the meta names the test set, evaluate warns."""
    import json

    from lagebild.training.__main__ import main

    data = shared_dir / "data"
    if not (data / "germeval2014_ner").is_dir():
        pytest.skip("GermEval 2014 not in ../shared/data")
    out = tmp_path / "model"
    assert main(["all", "--tiny", "--extra", "germeval-test", "--ud-copies", "2", "--data", str(data),
                 "--work", str(tmp_path / "work"), "--out", str(out), "--lemma-words", "0"]) == 0
    meta = json.loads((out / "meta.json").read_text())
    assert meta["benchmark_seen"] == ["GermEval 2014 test"]
    assert meta["lagebild_training"]["extra"] == ["germeval-test"] and meta["lagebild_training"]["ud_copies"] == 2
    assert any("(test)" in s["name"] for s in meta["sources"])
    assert (tmp_path / "work" / "corpus" / "germeval_test_tiny.spacy").exists()
    assert main(["evaluate", "--what", "ner", "--limit", "5", "--speed-docs", "0", "--data", str(data),
                 "--out", str(out)]) == 0
    assert "no benchmark" in capsys.readouterr().err
