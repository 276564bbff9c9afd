"""PosFirstMorphologizer: the part of speech is the most probable one, not the best label's."""
import numpy
import spacy
from spacy.tokens import Doc

import lagebild.nlp  # noqa: F401  (registers "lagebild_morphologizer")


def _morphologizer():
    nlp = spacy.blank("de")
    morph = nlp.add_pipe("lagebild_morphologizer")
    for label in ("POS=NOUN|Case=Nom", "POS=NOUN|Case=Acc", "POS=NOUN|Case=Dat", "POS=VERB|VerbForm=Fin"):
        morph.add_label(label)
    return nlp, morph


def _logits(probs):
    return numpy.log(numpy.asarray(probs, dtype="float32"))


def test_pos_probability_beats_the_single_best_label():
    nlp, morph = _morphologizer()
    labels = list(morph.labels)
    verb = next(i for i, lab in enumerate(labels) if "VERB" in lab)
    # one verb label at 0.4 beats each noun label (0.25, 0.2, 0.15) but not the nouns together (0.6)
    probs = [0.0] * len(labels)
    probs[verb] = 0.4
    for value, label in zip((0.25, 0.2, 0.15), [lab for lab in labels if "NOUN" in lab]):
        probs[labels.index(label)] = value
    (guess,) = morph._scores2guesses([_logits([probs])])
    assert labels[int(guess[0])] == max((lab for lab in labels if "NOUN" in lab), key=lambda lab: probs[labels.index(lab)])
    doc = Doc(nlp.vocab, words=["Leitung"])
    morph.set_annotations([doc], [guess])
    assert doc[0].pos_ == "NOUN"
    assert doc[0].morph.get("Case") == ["Nom"]


def test_clear_winner_is_kept():
    _, morph = _morphologizer()
    labels = list(morph.labels)
    verb = next(i for i, lab in enumerate(labels) if "VERB" in lab)
    probs = [0.1] * len(labels)
    probs[verb] = 1.0 - 0.1 * (len(labels) - 1)
    (guess,) = morph._scores2guesses([_logits([probs, probs])])
    assert [labels[int(g)] for g in guess] == [labels[verb]] * 2


def test_empty_doc():
    _, morph = _morphologizer()
    (guess,) = morph._scores2guesses([numpy.zeros((0, len(morph.labels)), dtype="float32")])
    assert len(guess) == 0


def _upos_rules(gold_docs):
    from spacy.training import Example

    nlp = spacy.blank("de")
    rules = nlp.add_pipe("lagebild_upos")
    rules.initialize(lambda: (Example(d, d) for d in gold_docs), min_count=2)
    return nlp, rules


def _doc(vocab, words, tags, pos, lemmas=None, deps=None):
    n = len(words)
    return Doc(vocab, words=words, tags=tags, pos=pos, lemmas=lemmas or words,
               deps=deps or ["dep"] * n, heads=list(range(n)))


def test_upos_table_keeps_only_tags_that_decide_the_pos():
    vocab = spacy.blank("de").vocab
    gold = [_doc(vocab, ["die", "als"], ["ART", "KOKOM"], ["DET", "CCONJ"]),
            _doc(vocab, ["der", "als"], ["ART", "KOKOM"], ["DET", "ADP"]),
            _doc(vocab, ["das", "als"], ["ART", "KOKOM"], ["DET", "SCONJ"])]
    _, rules = _upos_rules(gold)
    assert rules.table == {"ART": "DET"}          # KOKOM is CCONJ, ADP or SCONJ: no rule


def test_upos_rules_set_pos_from_tag_and_aux_from_the_parse(tmp_path):
    nlp, rules = _upos_rules([_doc(spacy.blank("de").vocab, ["die", "die"], ["ART", "ART"], ["DET", "DET"])])
    doc = _doc(nlp.vocab, ["Die", "Lage", "ist", "ernst", "und", "bleibt", "es", "."],
               ["ART", "NN", "VAFIN", "ADJD", "KON", "VVFIN", "PPER", "$."],
               ["PRON", "NOUN", "VERB", "ADJ", "CCONJ", "VERB", "PRON", "PUNCT"],
               lemmas=["die", "Lage", "sein", "ernst", "und", "bleiben", "es", "."],
               deps=["det", "nsubj", "cop", "ROOT", "cc", "conj", "obj", "punct"])
    rules(doc)
    assert [t.pos_ for t in doc][:3] == ["DET", "NOUN", "AUX"]
    main_verb = _doc(nlp.vocab, ["Er", "ist", "da"], ["PPER", "VAFIN", "ADV"], ["PRON", "AUX", "ADV"],
                     lemmas=["er", "sein", "da"], deps=["nsubj", "ROOT", "advmod"])
    assert rules(main_verb)[1].pos_ == "VERB"
    # the table travels with the pipeline
    rules.to_disk(tmp_path / "upos")
    again = nlp.create_pipe("lagebild_upos").from_disk(tmp_path / "upos")
    assert again.table == {"ART": "DET"}


def test_upos_table_takes_a_tag_gsd_maps_in_94_percent():
    """An adverbially used adjective (ADJD) is ADJ in GSD 94 % of the time, ADV in PUD: GSD's way wins."""
    vocab = spacy.blank("de").vocab
    gold = [_doc(vocab, ["gut"], ["ADJD"], ["ADJ"]) for _ in range(16)] + [_doc(vocab, ["fertig"], ["ADJD"], ["VERB"])]
    _, rules = _upos_rules(gold)
    assert rules.table == {"ADJD": "ADJ"}                         # 16 / 17 = 94.1 %
    _, rules = _upos_rules(gold + [_doc(vocab, ["fertig"], ["ADJD"], ["VERB"])])
    assert rules.table == {}                                      # 16 / 18 = 88.9 %: no rule


def test_shipped_pipeline_tags_adverbial_adjectives_adj():
    from lagebild import nlp as nlp_pkg

    doc = nlp_pkg.load()("Die Soldaten wurden später direkt an die Front geschickt.")
    assert [(t.tag_, t.pos_) for t in doc if t.text in ("später", "direkt")] == [("ADJD", "ADJ")] * 2
