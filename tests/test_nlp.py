"""The packaged German pipeline de_lagebild: loads offline, analyses pre-tokenised Docs."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from lagebild import nlp as lnlp
from lagebild.nlp.gazetteer import GazetteerMatcher

SEED = ("Nordkoreas Staatschef Kim Jong-un hat zugesagt, rund 6.000 Soldaten in die Region Kursk "
        "zu entsenden. Das teilte die staatliche russische Nachrichtenagentur TASS mit.")

needs_model = pytest.mark.skipif(not (lnlp.MODEL_DIR / "config.cfg").exists(), reason="no packaged model")


@pytest.fixture(scope="module")
def nlp():
    return lnlp.load()


@needs_model
def test_pipeline_components(nlp):
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "lagebild_upos", "ner"):
        assert name in nlp.pipe_names
    assert type(nlp.get_pipe("morphologizer")).__name__ == "PosFirstMorphologizer"
    assert nlp.get_pipe("lagebild_upos").table.get("ART") == "DET"
    assert {"PER", "LOCderiv", "ORGpart", "OTH"} <= set(nlp.get_pipe("ner").labels)


@needs_model
def test_seed_entities_on_pretokenised_doc(nlp):
    words = nlp.make_doc(SEED)
    doc = nlp(Doc(nlp.vocab, words=[t.text for t in words], spaces=[bool(t.whitespace_) for t in words]))
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Kim Jong-un", "PER") in ents
    assert ("Kursk", "LOC") in ents
    assert ("TASS", "ORG") in ents


@needs_model
def test_syntax_attributes(nlp):
    doc = nlp(SEED)
    assert len(list(doc.sents)) == 2
    by_text = {t.text: t for t in doc}
    assert by_text["Soldaten"].pos_ == "NOUN" and by_text["Soldaten"].tag_ == "NN"
    assert by_text["hat"].lemma_ == "haben"
    assert by_text["teilte"].dep_ == "ROOT"
    assert all(t.head.i != t.i or t.dep_ == "ROOT" for t in doc)


def test_slow_spacy_versions_are_named():
    assert lnlp.slow_spacy("3.8.18") and lnlp.slow_spacy("3.8.8") and lnlp.slow_spacy("3.9.0")
    assert not lnlp.slow_spacy("3.8.7") and not lnlp.slow_spacy("3.7.5")


def test_missing_model_dir_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no spaCy pipeline"):
        lnlp.load(tmp_path / "nowhere")


def test_gazetteer_respects_tags_and_existing_entities():
    import spacy

    nlp = spacy.blank("de")
    gaz = GazetteerMatcher(nlp, "gaz", label="LOC", require_tag="NE")
    gaz.initialize(names=["Kursk", "Essen", "New York", "Tula"], ambiguous={"Essen"})
    words = ["In", "New", "York", "und", "Kursk", "beim", "Essen", "in", "Essen", "und", "Tula"]
    tags = ["APPR", "NE", "NE", "KON", "NE", "APPRART", "NN", "APPR", "NE", "KON", "NN"]
    doc = Doc(nlp.vocab, words=words, tags=tags)
    doc.ents = [doc.char_span(doc[4].idx, doc[4].idx + 5, label="ORG")]   # an earlier decision stays
    gaz(doc)
    assert [(e.text, e.label_, e.start) for e in doc.ents] == [
        ("New York", "LOC", 1), ("Kursk", "ORG", 4), ("Essen", "LOC", 8), ("Tula", "LOC", 10)]


def test_gazetteer_tags_compounds_on_places_as_locpart():
    import spacy

    nlp = spacy.blank("de")
    gaz = GazetteerMatcher(nlp, "gaz", label="LOC", require_tag="NE")
    gaz.initialize(names=["Kosovo", "Deutschland", "Essen"], ambiguous={"Essen"}, countries=["Deutschland", "Kosovo"])
    words = ["Der", "Kosovo-Krieg", "und", "die", "Deutschlandreise", "zur", "Essenszeit", "im", "Essen-Fall"]
    doc = gaz(Doc(nlp.vocab, words=words))
    assert [(e.text, e.label_) for e in doc.ents] == [("Kosovo-Krieg", "LOCpart"), ("Deutschlandreise", "LOCpart")]


def test_gazetteer_tags_untagged_news_agencies_as_org(tmp_path):
    import spacy

    nlp = spacy.blank("de")
    gaz = GazetteerMatcher(nlp, "gaz", label="LOC", require_tag="NE")
    gaz.initialize(names=["Kursk"], ambiguous=set(), countries=[])      # agencies: cleaning's byline list
    words = ["Das", "teilte", "die", "Agentur", "TASS", "mit", ",", "wie", "Reuters", "meldete", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 8, 9, label="PER")]                             # an earlier decision stays
    assert [(e.text, e.label_) for e in gaz(doc).ents] == [("TASS", "ORG"), ("Reuters", "PER")]
    gaz.to_disk(tmp_path / "g")
    again = GazetteerMatcher(nlp, "gaz", label="LOC", require_tag="NE").from_disk(tmp_path / "g")
    assert again.org_entries == gaz.org_entries and ("TASS",) in again.org_entries["TASS"]


def test_gazetteer_asks_hanta_which_names_are_common_words():
    from lagebild.nlp.gazetteer import common_words

    assert common_words(["Essen", "Mark", "Berlin", "Kursk", "New York"]) == {"Essen", "Mark"}


def test_word_flags_table_marks_known_names_words_and_places(tmp_path):
    from lagebild.nlp.features import build_table, word_sets

    out = tmp_path / "flags.json.gz"
    counts = build_table(["Merkel", "Anzeige", "Essen", "Xyzqwv", "1990"], ["Kursk"], out=out)
    sets = word_sets(str(out))
    assert sets["known_name"] == {"Merkel", "Essen"}          # HanTa's best reading is NE
    assert sets["known_word"] == {"Anzeige", "Essen"}         # a known common-word reading too
    assert "Xyzqwv" not in sets["known_name"] | sets["known_word"]   # a guess is not knowledge
    assert sets["place"] == {"Kursk"} and counts == {"known_name": 2, "known_word": 2, "place": 1}


def test_word_flags_reach_pretokenised_docs():
    import spacy

    from lagebild.nlp.features import FLAGS, add_flags, word_sets

    if not word_sets()["known_name"]:
        pytest.skip("no word table shipped")
    nlp = add_flags(spacy.blank("de"))
    doc = Doc(nlp.vocab, words=["Merkel", "besucht", "Kursk"])
    flags = doc.to_array([FLAGS["known_name"], FLAGS["known_word"], FLAGS["place"]]).tolist()
    assert flags == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]


def test_gazetteer_tags_compounds_on_organisations_and_place_short_forms(tmp_path):
    import spacy

    nlp = spacy.blank("de")
    gaz = GazetteerMatcher(nlp, "gaz", label="LOC", require_tag="NE")
    gaz.initialize(names=["Kursk"], ambiguous=set(), countries=[])     # organisations: data/organisations_de.tsv
    words = ["Der", "SPD-Chef", "und", "die", "Grünen-Fraktion", "im", "Grünen", "mit", "dem", "US-Botschafter",
             "und", "der", "Nato", "über", "EU-Bürger", "und", "Pop-Musik"]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 14, 15, label="LOCpart")]        # the NER's span stays, the known head fixes its class
    got = [(e.text, e.label_) for e in gaz(doc).ents]
    assert got == [("SPD-Chef", "ORGpart"), ("Grünen-Fraktion", "ORGpart"), ("US-Botschafter", "LOCpart"),
                   ("Nato", "ORG"), ("EU-Bürger", "ORGpart")]
    gaz.to_disk(tmp_path / "g")
    again = GazetteerMatcher(nlp, "gaz", label="LOC", require_tag="NE").from_disk(tmp_path / "g")
    assert again.org_heads == gaz.org_heads and "Grünen" in again.org_heads


def test_organisation_list_says_which_names_stand_alone():
    from lagebild.nlp.gazetteer import organisations

    alone, heads = organisations()
    assert "SPD" in alone and "Nato" in alone
    assert "Grünen" in heads and "Grünen" not in alone       # "im Grünen" is no party
    assert set(alone) <= set(heads)


# src33: a title abbreviation spaCy's German exceptions lack ("Mag.", "DDr.") was split into word and full stop, and
# the full stop ended the sentence between the title and the name (invented sentences).
@needs_model
@pytest.mark.parametrize("text, title, name", [
    ("Laut Mag. Karl Huber kamen 300 Menschen zur Kundgebung.", "Mag.", "Karl Huber"),
    ("Das bestätigte DDr. Maria Berger am Montag in Linz.", "DDr.", "Maria Berger"),
    ("Nach Angaben von Dkfm. Peter Gruber sind 40 Stellen betroffen.", "Dkfm.", "Peter Gruber"),
])
def test_title_abbreviation_opens_the_name_in_its_sentence(nlp, text, title, name):
    doc = nlp(text)
    assert title in [t.text for t in doc]
    assert len(list(doc.sents)) == 1
    assert name in [e.text for e in doc.ents if e.label_ == "PER"]


def test_title_abbreviation_is_one_token_without_the_model():
    nlp = lnlp.blank()
    assert [t.text for t in nlp("Es sprach Mag. Eva Lang.")] == ["Es", "sprach", "Mag.", "Eva", "Lang", "."]


# review of src33: a title abbreviation can also end a sentence ("Sie ist Mag." - the degree she holds); a full stop
# after it before a word that opens no name (an adverb, an article) still ends the sentence (invented sentences)
@needs_model
@pytest.mark.parametrize("text", [
    "Sie ist Mag. Seit Mai arbeitet sie in der Verwaltung.",
    "Im Juni wurde sie Mag. Das Studium hatte sechs Jahre gedauert.",
    "Seit dem Frühjahr ist er DDr. Er will in die Forschung.",
])
def test_title_abbreviation_ending_a_sentence_still_ends_it(nlp, text):
    assert len(list(nlp(text).sents)) == 2


# review of src33: a surname the tagger reads as an adjective or adverb ("Kurz", "Lange") still follows its title
# in one sentence (invented sentences)
@needs_model
@pytest.mark.parametrize("text", [
    "Nach Angaben von DDr. Kurz sind 40 Stellen betroffen.",
    "Das bestätigte Dr. Lange am Montag in Graz.",
])
def test_a_surname_read_as_an_adjective_stays_with_its_title(nlp, text):
    assert len(list(nlp(text).sents)) == 1


# review of src33: Austrian feminine and qualified forms of a title ("Mag.a", "Dr.in", "Mag.(FH)") are titles too
@needs_model
@pytest.mark.parametrize("title", ["Mag.a", "Dr.in", "Mag.(FH)"])
def test_feminine_and_qualified_titles_open_the_name(nlp, title):
    doc = nlp(f"Laut {title} Eva Berger kamen 300 Menschen zur Kundgebung.")
    assert title in [t.text for t in doc]
    assert "Eva Berger" in [e.text for e in doc.ents if e.label_ == "PER"]


# review of src33: a title standing alone ("Sie ist Mag.") is no name - the recognizer, having seen few, read it as a
# person (invented sentences)
@needs_model
@pytest.mark.parametrize("text", [
    "Sie ist Mag. Danach wechselte sie in die Verwaltung.",
    "Der Bürgermeister ist seit 2015 Mag. und leitet das Amt.",
])
def test_a_title_alone_is_no_name(nlp, text):
    assert not [e.text for e in nlp(text).ents if all(t.text in lnlp.title_abbreviations() for t in e)]
