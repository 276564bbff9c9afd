"""The quotation corpus benchmark's decomposition of the speaker F1 (benchmarks/attribution_eval.py), on
invented token ids: no corpus needed."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from lagebild.training.quotation_corpus import Article, Quot, Tally, score_end_to_end


def _bench():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "attribution_eval.py"
    spec = importlib.util.spec_from_file_location("attribution_eval", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_each_gold_speaker_and_each_wrong_speaker_of_ours_falls_in_one_class():
    bench = _bench()
    text = "Er sagte , es regne . Anna meinte , es schneie . Die Polizei warnte vor Glätte ."
    spans, pos = [], 0
    for w in text.split(" "):
        spans.append((pos, pos + len(w)))
        pos += len(w) + 1
    gold = [Quot("Indirect", frozenset({3, 4}), frozenset({1}), frozenset({0})),      # Er: we name Anna
            Quot("Indirect", frozenset({9, 10}), frozenset({7}), frozenset({6})),      # Anna: right
            Quot("Reported", frozenset({12, 13, 14, 15, 16}), frozenset(), frozenset({12, 13}))]  # missed
    art = Article("invented", text, spans, gold)
    bench.PRONOUNS["invented"] = frozenset({0, 3, 9})
    system = [Quot("Indirect", frozenset({3, 4}), frozenset({1}), frozenset({6})),
              Quot("Indirect", frozenset({9, 10}), frozenset({7}), frozenset({6})),
              Quot("Direct", frozenset({15}), frozenset(), frozenset({6})),                # overlaps a missed one
              Quot("Reported", frozenset({1}), frozenset(), frozenset({0}))]               # overlaps no gold one
    e2e, g, s = Tally(), Tally(), Tally()
    score_end_to_end(system, gold, e2e)
    bench.decompose(art, system, g, s)
    assert g.tp[("right speaker", "all")] == 1
    assert g.tp[("wrong speaker: gold a pronoun, ours a name or noun", "all")] == 1
    assert sum(g.tp[(k, "all")] for k in bench.GOLD_CLASSES) == 3     # every gold speaker in one class
    assert g.tp[("right speaker", "all")] == e2e.tp[("speaker", "all", "overlap")]
    assert g.tp[("ours overlaps it but was matched to another", "all")] == 0
    assert g.tp[("no quotation of ours overlaps it", "all")] == 0    # the Direct one overlaps it and matched it
    assert g.tp[("wrong speaker: another entity", "all")] == 1
    assert [s.tp[k] for k in bench.SYS_CLASSES] == [0, 1, 0]          # ours matched to no gold quotation: 1


def test_the_error_decomposition_tells_a_speaker_in_another_sentence_from_a_wrong_mention_in_the_same(parser):
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "attribution_errors.py"
    spec = importlib.util.spec_from_file_location("attribution_errors", path)
    errs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(errs)
    text = "Die Ministerin kam am Morgen an . Sie sagte , der Plan sei gut . Die Kosten seien gering ."
    doc = parser(text)
    spans = [(t.idx, t.idx + len(t.text)) for t in doc]
    ids = {t.text + str(t.i): t.i for t in doc}
    art = Article("invented", text, spans, [])
    view = errs.ArticleView(art, doc)
    minister, sie, plan = frozenset({1}), frozenset({ids["Sie7"]}), frozenset({ids["Plan11"]})
    said = frozenset(range(ids["der10"], ids["gut13"] + 1))
    gold = Quot("Indirect", said, frozenset({ids["sagte8"]}), minister)
    assert errs.cause_of(view, gold, Quot("Indirect", said, frozenset(), minister), True) == errs.CAUSES[0]
    assert errs.cause_of(view, gold, None, False) == errs.CAUSES[1]
    assert errs.cause_of(view, gold, Quot("Indirect", said), True) == errs.CAUSES[3]
    # gold names the minister of the sentence before; ours the pronoun of the quotation's own sentence
    assert errs.cause_of(view, gold, Quot("Indirect", said, frozenset(), sie), True) == errs.CAUSES[7]
    gold_sie = Quot("Indirect", said, frozenset(), sie)
    assert errs.cause_of(view, gold_sie, Quot("Indirect", said, frozenset(), plan), True) == errs.CAUSES[5]
    assert errs.cause_of(view, gold_sie, Quot("Indirect", said, frozenset(), minister), True) == errs.CAUSES[8]


def test_the_error_decomposition_says_where_the_corpus_is_missing(monkeypatch, capsys, tmp_path):
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "attribution_errors.py"
    spec = importlib.util.spec_from_file_location("attribution_errors", path)
    errs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(errs)
    monkeypatch.setattr(errs, "CORPUS", tmp_path / "none")
    assert errs.main([]) == 2
    assert "corpus not found" in capsys.readouterr().err


def test_quotations_paired_as_the_corpus_authors_pair_them():
    from lagebild.training.quotation_corpus import match, match_as_authors

    def q(kind, ids):
        return Quot(kind, frozenset(ids))

    # one span annotated twice (a passage in marks inside reported speech): the same type breaks the tie, not the
    # gold order
    gold = [q("Direct", range(6)), q("Indirect", range(6))]
    assert match([q("Direct", range(6))], gold) == [(0, 1)]
    assert match_as_authors([q("Direct", range(6))], gold) == [(0, 0)]
    # the span that fits best by token F1, not by the count of shared tokens
    gold = [q("Indirect", range(4))]
    system = [q("Indirect", range(10)), q("Indirect", (2, 3))]
    assert match(system, gold) == [(0, 0)]
    assert match_as_authors(system, gold) == [(1, 0)]
    assert match_as_authors(system, []) == [] and match_as_authors([], gold) == []
