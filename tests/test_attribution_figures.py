"""The source of each figure of a claim, read from the parse (extract/attribution/figures.py): one invented
sentence per rule, run through the trained pipeline and the claims extractor."""
from __future__ import annotations

import warnings

import pytest


@pytest.fixture(scope="module")
def nlp():
    from lagebild import nlp as lnlp
    from lagebild.pipeline import build_nlp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n = lnlp.load()
    if "parser" not in n.pipe_names:
        pytest.skip("no trained pipeline packaged (the parse-based attribution needs the parser)")
    return build_nlp(("claims",), n)


def claims(nlp, text: str, title: bool = False):
    doc = nlp.make_doc(text)
    doc._.article_id = "t.txt"
    doc._.title_end = text.find("\n") if title else 0
    return nlp(doc)._.claims


def source_of(nlp, text: str, figure: str, title: bool = False):
    c = next(c for c in claims(nlp, text, title) if c.text.startswith(figure) or figure in c.text)
    return c.sources[0] if c.sources else None


def name_of(nlp, text: str, figure: str, title: bool = False) -> str | None:
    src = source_of(nlp, text, figure, title)
    return src.name if src else None


def test_line_breaks_end_sentences_before_the_parser(nlp):
    doc = nlp("Hochwasser im Tal\n\nDie Feuerwehr rettete 40 Menschen.")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["Hochwasser im Tal", "Die Feuerwehr rettete 40 Menschen."]
    assert not any(t.is_space and t.dep_ in ("nsubj", "obj") for t in doc)


def test_a_list_item_stays_one_sentence(nlp):
    doc = nlp("Die Behörden nannten folgende Zahlen:\n\n- Nordbezirk: 120 Evakuierte\n\n- Südbezirk: 80 Evakuierte")
    items = [s.text.strip() for s in doc.sents if s.text.strip().startswith("-")]
    assert items == ["- Nordbezirk: 120 Evakuierte", "- Südbezirk: 80 Evakuierte"]


def test_list_items_take_the_source_of_their_introduction(nlp):
    text = "Titel\n\nDie Bergwacht veröffentlichte eine Übersicht:\n\n- Nordhang: 12 Verletzte\n\n- Südhang: 7 Verletzte"
    assert [c.source for c in claims(nlp, text, title=True)] == ["Bergwacht", "Bergwacht"]


def test_laut_under_a_modal_still_sources_the_clause(nlp):
    src = source_of(nlp, "Laut einer Studie der Handelskammer wollen die Betriebe 4.000 Lehrlinge einstellen.",
                    "4.000")
    assert src is not None and "Handelskammer" in src.name


def test_relaying_outlet_goes_to_relayed_by(nlp):
    src = source_of(nlp, "Laut der Hafenbehörde sollen 300 Container beschädigt sein, berichtet der Sender.",
                    "300")
    assert src is not None and "Hafenbehörde" in src.name and src.relayed_by == "Sender"


def test_unter_berufung_auf_names_the_original_source(nlp):
    text = "Wie die Agentur unter Berufung auf Ärzte meldete, wurden 25 Menschen behandelt."
    src = source_of(nlp, text, "25")
    assert src is not None and "Ärzte" in src.name and src.relayed_by and "Agentur" in src.relayed_by


def test_next_sentence_names_the_source(nlp):
    assert name_of(nlp, "Mehr als 900 Haushalte waren ohne Strom. Das teilte der Netzbetreiber am Abend mit.",
                   "900") == "Netzbetreiber"


def test_konjunktiv_chain_and_its_end(nlp):
    text = ("Der Bürgermeister sagte am Morgen, die Brücke sei gesperrt. Rund 60 Familien seien betroffen. "
            "Am Abend öffneten 3 Notunterkünfte.")
    cs = claims(nlp, text)
    assert [c.source for c in cs] == ["Bürgermeister", None]


def test_a_body_acting_is_not_spoken_for_by_the_lead(nlp):
    text = ("Nach Angaben der Wasserwacht wurden 14 Schwimmer gerettet. "
            "Das Landratsamt stellte 2.000 Euro Soforthilfe bereit.")
    cs = claims(nlp, text)
    assert [c.source for c in cs] == ["Wasserwacht", None]


def test_subheading_takes_the_source_of_the_sentence_under_it(nlp):
    text = ("Titel\n\nText.\n\nMehr als 500 Helfer im Einsatz\n\n"
            "Nach Angaben des Technischen Hilfswerks sind mehr als 500 Helfer im Einsatz.")
    src = source_of(nlp, text, "Mehr als 500", title=True)
    assert src is not None and "Hilfswerk" in src.name


def test_headline_acronym_is_a_source_not_a_place(nlp):
    assert name_of(nlp, "NGO: 80 Dörfer zerstört\n\nText ohne Zahl.", "80", title=True) == "NGO"


def test_name_after_a_role_in_the_genitive(nlp):
    text = "„Wir haben 200 Plätze geschaffen“, sagte der Leiter des Sozialamts Jonas Brenner."
    src = source_of(nlp, text, "200")
    assert src is not None and "Brenner" in src.name


def test_zufolge_takes_the_noun_before_it(nlp):
    text = "Bei dem Unfall in der Stadt wurden dem Roten Kreuz zufolge zwei Fahrer getötet und 15 Fahrgäste verletzt."
    src = source_of(nlp, text, "15")
    assert src is not None and "Kreuz" in src.name


def test_source_name_drops_time_and_seat(nlp):
    assert name_of(nlp, "Das Umweltministerium in Mainz meldete am Freitag 17 Brände.", "17") == "Umweltministerium"


def test_organisers_and_police_in_one_sentence(nlp):
    cs = claims(nlp, "Nach Polizeiangaben kamen 4.000 Menschen, der Veranstalter sprach von 9.000.")
    assert [(c.low, c.source) for c in cs] == [(4000, "Polizei"), (9000, "Veranstalter")]


def test_a_clause_with_its_verb_left_out_has_its_own_speaker(nlp):
    cs = claims(nlp, "Die Polizei sprach von 2.000 Teilnehmern, die Organisatoren von 7.000.")
    assert [c.source for c in cs] == ["Polizei", "Organisatoren"]


def test_an_outlet_unter_berufung_auf_relays(nlp):
    src = source_of(nlp, "Wie die Zeitung unter Berufung auf die Staatsanwaltschaft schreibt, wurden 14 Haftbefehle "
                         "erlassen.", "14")
    assert src is not None and src.name == "Staatsanwaltschaft" and src.relayed_by == "Zeitung"


def test_an_organisation_citing_witnesses_stays_the_source(nlp):
    text = "Bei dem Brand starben 9 Menschen. Das berichtete das Hilfswerk Caritas unter Berufung auf Nachbarn."
    src = source_of(nlp, text, "9")
    assert src is not None and "Caritas" in src.name and src.relayed_by is None


def test_passive_subject_of_a_reporting_verb_is_what_is_reported(nlp):
    text = "Bis zum Abend wurden 600 Gäste erwartet, teilte der Veranstalter mit."
    assert source_of(nlp, text, "600").name == "Veranstalter"


def test_dative_plural_source_in_the_nominative(nlp):
    assert source_of(nlp, "Insidern zufolge will die Bank 1.200 Stellen streichen.", "1.200").name == "Insider"


def test_a_headline_that_sets_the_scene_names_no_source(nlp):
    cs = claims(nlp, "Sturm in Bayern: 3 Tote\n\nText ohne Zahl.", title=True)
    assert cs and cs[0].source is None


def test_an_adjective_before_a_compound_report_noun_says_whose(nlp):
    # the adjective agrees with the whole compound ("einer französischen Armeeschätzung"); its first part
    # alone ("Armee") would lose whose it is and be taken for another country's body of that name
    s = source_of(nlp, "Laut einer französischen Armeeschätzung wurden 300 Kämpfer getötet.", "300")
    assert s is not None and "französisch" in s.name.lower() and s.name.lower() != "armee"
    plain = source_of(nlp, "Nach Polizeiangaben wurden 40 Menschen verletzt.", "40")
    assert plain is not None and plain.name == "Polizei"


def test_a_speaker_before_a_colon_masks_only_itself(nlp):
    # the parse often makes "Feuerwehr" the root of the whole subheading; were its whole subtree the speaker's
    # phrase, the place after the figure would be hidden and the title's place taken instead
    text = ("Moskau: Neue Gespräche über Hilfe in Russland\nDer Minister reiste am Montag ab.\n\n"
            "Feuerwehr: Mindestens 9 Tote bei Großbrand in Hamburg\nDie Löscharbeiten dauerten die ganze Nacht.")
    c = next(c for c in claims(nlp, text, title=True) if c.text.startswith("Mindestens 9"))
    assert c.measure is not None and c.measure.place not in (None, "russland")


def test_a_figure_takes_the_source_of_the_reported_sentence_after_it(nlp):
    text = ("Bei Kämpfen im Norden sind zwölf Menschen getötet worden. Unter den Opfern seien vier Polizisten, "
            "berichtete die Nachrichtenagentur Nordpress am Montag.")
    src = source_of(nlp, text, "zwölf Menschen")
    assert src is not None and src.name.endswith("Nordpress")


def test_the_reported_sentence_after_passes_on_its_relay(nlp):
    text = ("In der Region sollen seit Montag 80 Häuser zerstört worden sein. Weitere Gebäude seien beschädigt, "
            "meldete der Sender unter Berufung auf die Feuerwehr.")
    src = source_of(nlp, text, "80 Häuser")
    assert src is not None and src.name == "Feuerwehr" and src.relayed_by == "Sender"


def test_an_indicative_sentence_after_gives_no_source_back(nlp):
    text = "Die Bergwacht rettete 40 Wanderer. Das Wetter blieb schlecht, sagte der Bürgermeister."
    src = source_of(nlp, text, "40 Wanderer")
    assert src is None or "Bürgermeister" not in src.name


def test_an_attribution_in_a_main_clause_goes_on_to_the_figures_after_it(nlp):
    text = ("Der Sommer war lang. Am Sonntag erreichten nach Angaben der Bergwacht rund 300 Wanderer den Gipfel. "
            "Am Nachmittag zog ein Gewitter auf. Insgesamt stiegen am Wochenende 1.200 Menschen auf.")
    assert name_of(nlp, text, "1.200") == "Bergwacht"


def test_an_attribution_goes_on_only_while_no_other_source_is_named(nlp):
    text = ("Der Sommer war lang. Am Sonntag erreichten nach Angaben der Bergwacht rund 300 Wanderer den Gipfel. "
            "Der Hüttenwirt berichtete von einem Gewitter. Insgesamt stiegen am Wochenende 1.200 Menschen auf.")
    assert name_of(nlp, text, "1.200") != "Bergwacht"


def test_an_attributive_participle_coordinated_with_another_names_its_own_agent(nlp):
    text = ("Der Verband schlägt eine Obergrenze von 20 Euro pro Mitglied vor. Er liegt damit zwischen den vom "
            "Vorstand genannten 15 Euro und der von Kassiererin Huber genannten einen Million Euro.")
    assert name_of(nlp, text, "einen Million") == "Huber"


def test_konjunktiv_i_reaches_past_one_sentence_of_the_reporter(nlp):
    text = ("Die Feuerwehr sprach von einer ruhigen Nacht. In der Altstadt brannte ein Schuppen. "
            "Allein im Hafen seien 14 Boote beschädigt worden.")
    assert name_of(nlp, text, "14 Boote") == "Feuerwehr"


def test_konjunktiv_ii_of_werden_takes_the_speaker_of_the_sentence_before(nlp):
    text = ("Ein Sprecher des Verkehrsverbunds berichtete, dass die Busse oft zu spät kämen. "
            "Jedes Jahr würden dadurch etwa 600 Fahrten ausfallen.")
    src = source_of(nlp, text, "600 Fahrten")
    assert src is not None and "Verkehrsverbund" in src.name


def test_konjunktiv_ii_of_werden_reaches_back_one_sentence_only(nlp):
    text = ("Der Bürgermeister sagte, die Stadt plane eine Brücke. Der Fluss ist dort breit. "
            "Eine Brücke würde 40 Millionen Euro kosten.")
    assert name_of(nlp, text, "40 Millionen") != "Bürgermeister"


def test_an_als_phrase_is_no_speaker(nlp):
    src = source_of(nlp, "Als Begründung nannte der Bürgermeister die 300 Anträge des Vorjahres.", "300 Anträge")
    assert src is None or "Begründung" not in src.name


def test_a_genitive_adverbial_is_no_speaker(nlp):
    text = "Des Weiteren verwies Ministerin Berger darauf, dass der Haushalt um 2,5 Prozent wachse."
    src = source_of(nlp, text, "2,5 Prozent")
    assert src is not None and src.name.endswith("Berger")


def test_the_figure_after_a_compound_reporting_noun_is_no_owner(nlp):
    src = source_of(nlp, "In der Region mussten laut Behördenangaben 7.000 Menschen in Sicherheit gebracht werden.",
                    "7.000")
    assert src is not None and "Menschen" not in src.name and "Behörde" in src.name


def test_a_pronoun_speaker_is_the_agreeing_subject_before_it(nlp):
    text = "Der Bürgermeister äußerte sich am Abend. Bei dem Brand seien 12 Häuser zerstört worden, sagte er."
    assert name_of(nlp, text, "12 Häuser") == "Bürgermeister"


def test_a_pronoun_speaker_skips_a_subject_of_another_gender(nlp):
    text = "Die Feuerwehr rückte aus. Der Kommandant war vor Ort. Es gebe 30 Verletzte, sagte sie."
    assert name_of(nlp, text, "30 Verletzte") == "Feuerwehr"


def test_an_adjective_inside_a_name_stays_in_the_name():
    # the parse the pipeline gives a quoted outlet name whose first word is an adjective ("Laut „New York
    # Times“"): the adjective hung as a compound under the next name part, not under the head
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from lagebild.extract.attribution.sources import _name_tokens

    words = ["Laut", "„", "Nordische", "Hafen", "Post", "“", "sollen", "40", "Agenten", "beteiligt", "sein", "."]
    pos = ["ADP", "PUNCT", "ADJ", "PROPN", "PROPN", "PUNCT", "AUX", "NUM", "NOUN", "VERB", "AUX", "PUNCT"]
    heads = [4, 4, 3, 4, 9, 4, 9, 8, 9, 9, 9, 9]
    deps = ["case", "punct", "compound", "compound", "obl", "punct", "aux", "nummod", "nsubj:pass", "ROOT", "aux",
            "punct"]
    doc = Doc(Vocab(), words=words, pos=pos, heads=heads, deps=deps)
    assert [t.text for t in _name_tokens(doc[4])] == ["Nordische", "Hafen", "Post"]


def test_quotation_marks_around_a_name_do_not_cut_the_speaker_phrase(nlp):
    text = "Die Zeitung „Le Courrier du Nord“ berichtete, 200 Polizisten seien im Einsatz gewesen."
    src = source_of(nlp, text, "200 Polizisten")
    assert src is not None and "Courrier" in src.name


def test_the_cue_of_the_figures_own_clause_wins_over_one_after_a_comma(nlp):
    text = ("Am Samstag zogen nach Angaben der Organisatoren rund 9.000 Menschen durch die Stadt, die Polizei "
            "spricht von 3.500 Teilnehmern.")
    assert source_of(nlp, text, "9.000").name == "Organisatoren"
    assert source_of(nlp, text, "3.500").name == "Polizei"


def test_of_two_subjects_the_one_that_can_speak_is_the_speaker(nlp):
    text = "Die Zahl der Toten bezifferte die Nachrichtenagentur Nordpress am Montag mit 13."
    src = source_of(nlp, text, "13")
    assert src is not None and "Nordpress" in src.name


def test_the_passive_subject_of_a_reporting_verb_is_what_is_reported(nlp):
    src = source_of(nlp, "Der Schaden an der Brücke wird auf 3 Millionen Euro geschätzt.", "3 Millionen")
    assert src is None or "Schaden" not in src.name


def test_the_passive_subject_of_zitieren_is_the_speaker(nlp):
    text = "Der Kapitän wird mit den Worten zitiert, an Bord seien 40 Menschen gewesen."
    assert name_of(nlp, text, "40 Menschen") == "Kapitän"


def test_an_agentless_passive_report_takes_the_source_named_before(nlp):
    text = "Die Bergwacht meldete am Abend 40 Verletzte. Die Zahl der zerstörten Hütten wurde mit 214 angegeben."
    assert name_of(nlp, text, "214") == "Bergwacht"


def test_an_agentless_passive_with_a_cue_of_its_own_takes_no_source_from_before(nlp):
    text = ("Der Bürgermeister sagte, die Stadt erwarte eine Entlastung. Insgesamt wurden 500 Anträge gezählt, "
            "geht aus der Statistik des Landes hervor.")
    assert name_of(nlp, text, "500 Anträge") != "Bürgermeister"


def test_the_origin_of_a_reporting_noun_is_the_source(nlp):
    text = "Vom Krisenstab kam am Abend die Information, bei dem Unglück seien 12 Wanderer verletzt worden."
    assert name_of(nlp, text, "12 Wanderer") == "Krisenstab"


def test_an_outlet_the_speaker_talks_to_relays(nlp):
    src = source_of(nlp, "Die Ministerin erklärte gegenüber der Agentur, 45 Schulen blieben geschlossen.", "45")
    assert src is not None and src.name == "Ministerin" and src.relayed_by == "Agentur"
    src = source_of(nlp, "Der Landrat sagte im Interview mit dem Sender, 120 Häuser seien zerstört worden.", "120")
    assert src is not None and src.name == "Landrat" and src.relayed_by == "Sender"


def test_a_konjunktiv_cue_the_lemmatiser_leaves_as_it_stands(nlp):
    # "hervorgehe" keeps its form as lemma: the particle and Konjunktiv I ending repair it to "hervorgehen"
    text = "Wie aus einer Statistik des Landesamts hervorgehe, seien 80 Brunnen verseucht."
    src = source_of(nlp, text, "80")
    assert src is not None and "Landesamt" in src.name


def test_unter_verweis_auf_names_the_original_source(nlp):
    # "Verweis" like "Berufung" (lang/de/relay_nouns); the parse hangs the source beside it under the verb
    # and the counted phrase under the source: neither keeps the outlet as the source
    src = source_of(nlp, "Der Sender berichtete unter Verweis auf die Polizei von 14 Festnahmen.", "14")
    assert src is not None and src.name == "Polizei" and src.relayed_by == "Sender"


def test_a_fronted_unter_berufung_auf_names_the_original_source(nlp):
    src = source_of(nlp, "Unter Berufung auf Ärzte berichtete die Zeitung von 25 Verletzten.", "25")
    assert src is not None and src.name == "Ärzte" and src.relayed_by == "Zeitung"


def test_the_object_of_zitieren_speaks_and_the_subject_relays(nlp):
    src = source_of(nlp, "Die Agentur zitierte den Sprecher mit den Worten, 90 Soldaten seien gefallen.", "90")
    assert src is not None and src.name == "Sprecher" and src.relayed_by == "Agentur"
    src = source_of(nlp, "Die Zeitung zitierte den Bürgermeister, rund 300 Menschen seien obdachlos.", "300")
    assert src is not None and src.name == "Bürgermeister" and src.relayed_by == "Zeitung"


def test_the_outlet_after_a_name_is_the_one_told(nlp):
    # no genitive follows a name: "der Agentur" after it is the dative, the outlet told (a relay)
    src = source_of(nlp, "Rund 40 Häuser seien zerstört, sagte Landrat Peter Krause der Agentur.", "40")
    assert src is not None and src.name == "Peter Krause" and src.relayed_by == "Agentur"
    src = source_of(nlp, "Rund 40 Häuser seien zerstört, sagte Müller der Zeitung „Nordkurier“.", "40")
    assert src is not None and src.name == "Müller" and src.relayed_by == "Nordkurier"


def test_the_origin_phrase_of_heissen_is_the_source(nlp):
    assert name_of(nlp, "Vom Landratsamt hieß es am Abend, 30 Straßen seien gesperrt.", "30 Straßen") == "Landratsamt"
    assert name_of(nlp, "Bei der Bergwacht hieß es, 12 Wanderer würden vermisst.", "12 Wanderer") == "Bergwacht"


# --- session 12 (src7): rules from the set "sources" (dev-sources errors), each on an invented text ---


def test_a_vague_adjective_names_no_side_and_demnach_carries_on(nlp):
    text = ("Der Branchenverband berichtete am Montag über die Lage im Handel. Demnach wurden nach vorläufigen "
            "Erkenntnissen 300 Geschäfte geschlossen.")
    assert name_of(nlp, text, "300") == "Branchenverband"


def test_nach_diesen_angaben_names_no_one_of_its_own(nlp):
    # the parser may hang a time ("vergangenes Jahr") under "Angaben" as if a genitive owner: a reporting noun
    # with a demonstrative points back and takes no owner that cannot speak; the subject of the cue speaks
    text = ("Die Zeitung berief sich auf eine Statistik des Innenministeriums. Insgesamt stellte die Polizei nach "
            "diesen Angaben vergangenes Jahr 4.500 Einbrüche fest.")
    assert name_of(nlp, text, "4.500") == "Polizei"


def test_a_konjunktiv_i_the_tagger_reads_as_indicative_carries_the_speaker(nlp):
    text = ("Das Sozialministerium teilte mit, die Lage in den Quartieren sei ruhig. Die Stadt versorge derzeit "
            "2.400 Obdachlose.")
    assert name_of(nlp, text, "2.400") == "Sozialministerium"


def test_the_circle_a_report_was_heard_in_is_its_source_and_the_chain_goes_on(nlp):
    text = ("In Diplomatenkreisen war von 40 Toten die Rede. Zwölf weitere Menschen seien verletzt worden.")
    assert "Diplomatenkreise" in (name_of(nlp, text, "40") or "")
    assert "Diplomatenkreise" in (name_of(nlp, text, "Zwölf") or "")


def test_a_konjunktiv_ii_in_the_plural_before_a_closing_cue_reports_the_lead(nlp):
    text = ("Bei einer Razzia in Linz hat die Polizei 14 Verdächtige festgenommen. Die Beamten hätten Waffen und "
            "Drogen sichergestellt, teilte das Innenministerium am Freitag mit.")
    assert name_of(nlp, text, "14") == "Innenministerium"


def test_a_report_closed_by_its_source_goes_on_over_sentences_of_figures(nlp):
    text = ("Die Arbeitslosenquote stieg im März auf 7,9 Prozent. Das teilte das Statistikamt am Freitag mit. "
            "Im Vorjahresmonat lag sie bei 7,1 Prozent.")
    assert name_of(nlp, text, "7,1") == "Statistikamt"
    text = ("Im Hafen wurden 300 Container kontrolliert, berichtete die Zeitung. Die Zahl der Beanstandungen lag "
            "bei 45.")
    assert name_of(nlp, text, "45") == "Zeitung"


def test_a_closed_report_stops_at_a_sentence_without_figures_and_at_an_unnamed_report(nlp):
    text = ("Am Morgen wurden 300 Container kontrolliert, berichtete die Zeitung. Das Wetter war schlecht. "
            "In der Hafenstadt arbeiten 30.000 Menschen.")
    assert name_of(nlp, text, "30.000") is None
    text = ("Vier Patienten seien gestorben, teilte die Klinik mit. Zunächst war von 20 Toten die Rede.")
    assert name_of(nlp, text, "20") is None


def test_a_plural_in_ien_keeps_its_n(nlp):
    assert name_of(nlp, "An der Kundgebung nahmen örtlichen Medien zufolge 5.000 Menschen teil.",
                   "5.000") == "örtlichen Medien"


def test_a_reporting_noun_with_an_owner_names_the_owner(nlp):
    text = "Die neuen Zahlen des Gesundheitsamtes zeigen 120 weitere Fälle."
    assert name_of(nlp, text, "120") == "Gesundheitsamt"


def test_an_outlet_german_news_sites_go_by_relays_its_berufung(nlp):
    text = "Meldung\n\nWie n-tv unter Berufung auf Sicherheitskreise meldete, wurden 12 Kämpfer festgenommen."
    src = source_of(nlp, text, "12", title=True)
    assert src is not None and src.name == "Sicherheitskreise" and src.relayed_by == "n-tv"


def test_dem_bericht_zufolge_points_back_to_the_report_named_before(nlp):
    text = ("Meldung\n\nDie Zeitung „Kurier“ berichtete am Sonntag über die Razzia. Dem Bericht zufolge wurden "
            "35 Wohnungen durchsucht.")
    assert name_of(nlp, text, "35", title=True) == "Kurier"


def test_in_regierungskreisen_hiess_es_names_the_circle(nlp):
    text = "Meldung\n\nIn Regierungskreisen hieß es, 300 Beamte würden an die Grenze verlegt."
    assert name_of(nlp, text, "300", title=True) == "Regierung"


def test_a_verb_without_subject_takes_its_origin_phrase_not_a_place(nlp):
    text = "Meldung\n\nAus dem Gesundheitsministerium verlautete, dass 70 Ärzte fehlten."
    assert name_of(nlp, text, "70", title=True) == "Gesundheitsministerium"
    text = "Meldung\n\nIn Oberwart wurden am Montag 80 Anträge registriert."
    assert name_of(nlp, text, "80", title=True) is None


def test_a_weak_nouns_plural_keeps_its_en(nlp):
    text = "Meldung\n\nDer Sender meldete unter Berufung auf Diplomaten, 40 Beobachter seien abgezogen worden."
    src = source_of(nlp, text, "40", title=True)
    assert src is not None and src.name == "Diplomaten"


def test_an_umlauted_konjunktiv_ii_continues_the_report_before(nlp):
    text = ("Meldung\n\nDas Landeskommando teilte mit, 300 Soldaten seien im Einsatz. Sie hätten 45 Dämme "
            "verstärkt.")
    from lagebild.extract.attribution import FIGURE_STATS

    before = FIGURE_STATS["chain"]
    assert name_of(nlp, text, "45", title=True) == "Landeskommando"
    assert FIGURE_STATS["chain"] > before              # by the parse's chain, not the word rules' fallback


def test_a_wie_clause_report_goes_on_over_the_next_figures(nlp):
    text = ("Meldung\n\nWie das Arbeitsamt am Montag mitteilte, stieg die Zahl der Arbeitslosen auf 420.000. "
            "Im Vorjahr waren es 390.000 gewesen.")
    assert name_of(nlp, text, "390.000", title=True) == "Arbeitsamt"


def test_the_body_that_presents_a_report_is_its_source(nlp):
    text = "Meldung\n\nDie Feuerwehr zog am Abend Bilanz: 45 Keller seien ausgepumpt worden."
    assert name_of(nlp, text, "45", title=True) == "Feuerwehr"
    text = ("Meldung\n\nDas Sozialministerium legte am Montag eine Statistik vor. Demnach stieg die Zahl der "
            "Anträge auf 12.000.")
    assert name_of(nlp, text, "12.000", title=True) == "Sozialministerium"
    # a result achieved is no report
    text = "Meldung\n\nIn Linz hat die Partei ihr bestes Ergebnis erreicht: 41 Prozent der Wähler stimmten für sie."
    assert name_of(nlp, text, "41", title=True) is None


def test_an_organisation_whose_adjective_the_parser_took_for_the_head_keeps_its_name(nlp):
    text = "Meldung\n\nDas Rote Kreuz sprach von 200 Verletzten."
    assert name_of(nlp, text, "200", title=True) == "Rote Kreuz"


def test_what_die_rede_war_von_is_no_source(nlp):
    text = "Meldung\n\nUrsprünglich war von insgesamt drei Tätern die Rede gewesen."
    assert name_of(nlp, text, "drei", title=True) is None
    text = "Meldung\n\nZunächst war von Plünderungen in 40 Geschäften die Rede."
    assert name_of(nlp, text, "40", title=True) is None


def test_a_modal_konjunktiv_ii_is_a_possibility_not_reported_speech(nlp):
    text = ("Meldung\n\nDer Sprecher sagte, die Lage sei ruhig. Die Behörden könnten künftig 300 weitere Beamte "
            "einsetzen.")
    from lagebild.extract.attribution import FIGURE_STATS

    before = FIGURE_STATS["chain"]
    claims(nlp, text, title=True)
    assert FIGURE_STATS["chain"] == before


def test_a_genitive_owner_keeps_its_written_case(nlp):
    text = "Meldung\n\nKreisen des US-Militärs zufolge wurden 40 Raketen abgefangen."
    assert name_of(nlp, text, "40", title=True) == "US-Militär"


# --- the trained component's speaker where the rules name no one (benchmarks/claims_source_wikinews.py) ---

WISH = "Wie hoch soll die Rente sein? Die Kandidatin Maria Berger hätte gern, dass alle 1.800 Euro bekommen."


def test_a_figure_the_rules_leave_unsourced_takes_the_trained_components_speaker(nlp, monkeypatch):
    from lagebild.extract import attribution as attr

    if attr.trained_model() is None:
        pytest.skip("no trained attribution weights packaged")
    assert name_of(nlp, WISH, "1.800") == "Maria Berger"
    monkeypatch.setattr(attr, "trained_model", lambda: None)      # the rules alone: no one
    assert name_of(nlp, WISH, "1.800") is None


def test_a_trained_speaker_that_is_only_the_report_names_no_one(nlp):
    from lagebild.extract import attribution as attr

    model = attr.trained_model()
    if model is None:
        pytest.skip("no trained attribution weights packaged")
    text = "Nach ersten Angaben wurden 12 Menschen verletzt."
    doc = nlp(text)
    found = attr.learned_quotations(doc, model)
    assert any(q.speaker_head is not None and doc[q.speaker_head].lower_ == "angaben" for q in found)
    assert attr.learned_source(doc, text.index("12"), found) is None
    assert name_of(nlp, text, "12") is None


def test_names_no_one_reads_the_report_noun_and_its_owner(nlp):
    from lagebild.extract.attribution.figures import names_no_one

    by = {t.text: t for text in ("Berichten zufolge kamen 20 Menschen.", "Nach NASA-Angaben flog die Sonde 30 Meilen.",
                                 "Nach Angaben der Feuerwehr brannten 4 Häuser.", "Demnach waren 7 Menschen betroffen.")
          for t in nlp(text)}
    assert names_no_one(by["Berichten"]) and names_no_one(by["Demnach"])
    assert not names_no_one(by["NASA-Angaben"])
    assert not names_no_one(by["Angaben"]) and not names_no_one(by["Feuerwehr"])


def test_the_author_of_a_ranking_is_the_source_of_its_figures(nlp):
    # a document noun (lang/de document_nouns) in a phrase of the clause; its author in the von phrase
    # under the document's genitive, a name without article
    text = "Auf der Weltrangliste der Lebensqualität von Städtebund Global liegt die Stadt auf Platz 3 von 230 Städten."
    assert name_of(nlp, text, "230 Städten") == "Städtebund Global"


def test_the_author_of_a_report_in_its_genitive(nlp):
    assert name_of(nlp, "Im Bericht des Umweltbundesamtes sind 120 Messstellen genannt.", "120") == "Umweltbundesamt"


def test_a_document_of_no_author_names_no_source(nlp):
    # the genitive is the document's topic, not who wrote it; a list holding the figure is no source of it
    assert name_of(nlp, "Auf der Liste der gefährdeten Arten stehen 300 Tiere.", "300") is None
    assert name_of(nlp, "Eine Liste von 300 Namen wurde am Montag veröffentlicht.", "300") is None
    # a time (the times component's) in the von phrase dates the document, it wrote nothing
    assert name_of(nlp, "Im Bericht von Montag ist von 40 Toten die Rede.", "40 Toten") is None
    assert name_of(nlp, "In der Untersuchung von Mai wurden 400 Proben genommen.", "400 Proben") is None


def test_a_von_phrase_before_a_participle_is_its_agent_not_an_owner(nlp):
    from lagebild.extract.attribution.speakers import genitive_or_von

    doc = nlp("Viele Dörfer sind laut einer neuen Studie von Dürre bedroht.")
    study = next(t for t in doc if t.lower_ == "studie")
    assert genitive_or_von(study) is None
    doc = nlp("Laut einer Studie von Greenpeace sind viele Dörfer bedroht.")
    study = next(t for t in doc if t.lower_ == "studie")
    assert genitive_or_von(study) is not None and genitive_or_von(study).text == "Greenpeace"


def test_a_von_phrase_that_can_speak_or_stands_before_a_finite_verb_owns_the_report(nlp):
    # only a participle takes a von agent, and only what cannot speak is one: these von phrases own the report
    text = "Die Arbeitslosigkeit stieg auf 8 Prozent, wie Angaben von Eurostat zeigen."
    assert name_of(nlp, text, "8 Prozent") == "Eurostat"
    text = "Die Zahl der Arbeitslosen stieg auf 3 Millionen, wie aus einem Bericht von Eurostat hervorgeht."
    assert name_of(nlp, text, "3 Millionen") == "Eurostat"
    assert name_of(nlp, "Rund 300 Dörfer sind laut einer Studie von Greenpeace bedroht.", "300") == "Greenpeace"


def test_a_report_pointing_back_names_its_origin(nlp):
    # the next sentence opens with the report (demonstrative, or definite and no owner) and says where it came from
    text = "Im vergangenen Jahr reisten rund 90.000 Menschen über die Grenze. Diese Angabe kommt aus dem Innenministerium."
    assert name_of(nlp, text, "90.000") == "Innenministerium"
    text = "Im Sommer wurden 4.000 Anträge gestellt. Die Zahlen stammen von der Asylbehörde."
    assert name_of(nlp, text, "4.000") == "Asylbehörde"
    # a time is no origin that speaks
    assert name_of(nlp, "Im Sommer wurden 4.000 Anträge gestellt. Die Zahlen stammen vom Montag.", "4.000") is None
    assert name_of(nlp, "Im Sommer wurden 4.000 Anträge gestellt. Die Zahlen stammen aus dem Jahr 2015.", "4.000") is None


def test_a_body_is_matched_by_its_compound_head_not_by_a_suffix(nlp):
    # "Stadtrat" is headed by "Rat" (a body), "Vorrat" only ends in its letters; so with "Amt" and "Pfand|amt"
    from lagebild.extract.attribution.figures import _BODY_HEADS
    from lagebild.extract.attribution.speakers import speaking_noun
    from lagebild.nlp.compounds import headed_by

    text = "Im Winter lagerten 4.000 Tonnen Getreide im Hafen. Die Zahlen stammen aus dem Stadtrat."
    assert name_of(nlp, text, "4.000") == "Stadtrat"
    text = "Im Winter lagerten 4.000 Tonnen Getreide im Hafen. Die Zahlen stammen aus dem Vorrat."
    assert name_of(nlp, text, "4.000") is None
    assert headed_by("gemeinderat", _BODY_HEADS) and headed_by("umweltbundesamt", _BODY_HEADS)
    assert not any(headed_by(w, _BODY_HEADS) for w in ("vorrat", "heirat", "zwangsheirat", "verrat", "apparat"))
    assert speaking_noun("un-sprecher") and speaking_noun("parteichef") and not speaking_noun("vorrat")
    # where the lexicon does not split the word: a content word before the head (an adjective, a name), a
    # longer part the lexicon splits off headed in turn (Fach|hochschule -> Hoch|schule)
    assert headed_by("nationalrat", _BODY_HEADS) and headed_by("fachhochschule", _BODY_HEADS)
    assert speaking_noun("kremlchef")
    assert not any(headed_by(w, _BODY_HEADS) for w in ("sozialdemokrat", "verdienst", "allesamt", "fotoapparat"))


def test_konjunktiv_in_verb_second_order_is_reported_speech_whatever_the_parse(nlp):
    # "Nicht nur, dass ..., auch X seien ...": the parser hangs the second clause under the dass clause; its finite
    # verb stands second (main-clause order), so the sentence reports the speaker named before
    text = ("Bei der Auszählung gab es Fehler, so der Bezirkschef Karl Huber. Nicht nur, dass die Liste nun "
            "um 100 Stimmen mehr hat, auch zehn Stimmzettel seien als gültig gewertet worden.")
    assert name_of(nlp, text, "100 Stimmen") == "Karl Huber"
    assert name_of(nlp, text, "zehn Stimmzettel") == "Karl Huber"
    from lagebild.extract.attribution.figures import _verb_second

    doc = nlp("Er sagte, dass zehn Stimmzettel gewertet worden seien.")
    seien = next(t for t in doc if t.text == "seien")
    assert not _verb_second(next(iter(doc.sents)), seien)
    # a dass clause a relative clause cut in two: its last stretch holds no subject, its verb is last but for
    # the comparison after it - no main clause
    doc = nlp("Die Opposition bestreitet, dass die Zahl der Toten, die gestern gemeldet wurde, höher sei als angegeben.")
    sei = next(t for t in doc if t.text == "sei")
    assert not _verb_second(next(iter(doc.sents)), sei)


def test_a_phrase_an_oblique_article_opens_is_no_subject(nlp):
    # "Den ..." is never nominative: the parser's subject is the fronted object, the speaker stands after the verb
    assert name_of(nlp, "Den Gesamtschaden beziffert die Versicherung auf 40 Millionen Euro.", "40 Millionen") \
        == "Versicherung"
    # an "als" phrase is a role, no subject: "Als Grund gab X an"
    assert name_of(nlp, "Als Grund gab die Stadtverwaltung an, es fehlten 30 Lehrer.", "30 Lehrer") \
        == "Stadtverwaltung"


def test_a_fronted_object_that_cannot_speak_leaves_the_subject_after_the_verb(nlp):
    assert name_of(nlp, "Die Zahl der Verletzten bezifferte die Feuerwehr mit 13.", "13") == "Feuerwehr"
    assert name_of(nlp, "Die Polizei bezifferte die Zahl der Verletzten mit 13.", "13") == "Polizei"
    # a document speaks for itself: its object is what it names
    assert name_of(nlp, "Die Studie nennt die Regierung als Hauptverantwortliche für 300 Fälle.", "300") == "Studie"


def test_a_compound_report_with_the_definite_article_names_its_source(nlp):
    # "nach den Feuerwehrangaben" does not point back: the compound names the fire brigade; a counted phrase after
    # it ("elf Personen", the number word read as an article) is what is reported, not whose report it is
    text = "Bei dem Brand sind nach den Feuerwehrangaben elf Arbeiter gestorben und etwa 40 verletzt worden."
    assert name_of(nlp, text, "elf Arbeiter") == "Feuerwehr"
    # a first part that names no one ("Endergebnis") leaves the report anaphoric
    assert name_of(nlp, "Nach dem vorläufigen Endergebnis erreichte die Partei 45,6 Prozent der Stimmen.",
                   "45,6") is None


def test_a_genitive_name_is_an_owner_and_does_not_make_its_phrase_speak(nlp):
    assert name_of(nlp, "Eine Schätzung beziffert die Schulden Portugals auf 120 Milliarden Euro.", "120") \
        != "Portugals"


def test_statements_and_findings_carry_their_owners_information(nlp):
    # nouns of stating or finding (lang/de reporting_nouns) name their owner as the source, like "Angaben"
    assert name_of(nlp, "Nach Ermittlungen der Staatsanwaltschaft hat der Mann 40 Wohnungen ausgeräumt.", "40") \
        == "Staatsanwaltschaft"
    assert name_of(nlp, "Nach einer Stellungnahme des Konzerns sollen 400 Stellen wegfallen.", "400") == "Konzern"
    assert name_of(nlp, "Nach der Vorhersage des Wetterdienstes fallen bis zu 30 Zentimeter Schnee.", "30") \
        == "Wetterdienst"
    # the statement as the subject of a clause of its own is no attribution
    assert name_of(nlp, "Die Stellungnahme des Ministers umfasst 20 Seiten.", "20") is None


def test_a_separated_particle_hung_as_a_complement_still_makes_a_reporting_verb(nlp):
    # "gab ... bekannt" with "bekannt" parsed as xcomp: the sentence names a speaker the hearsay chain goes on with
    text = "Der Verein gab am Freitag die Eintrittspreise bekannt. So soll eine Dauerkarte 250 Euro kosten."
    assert name_of(nlp, text, "250 Euro") == "Verein"


def test_konjunktiv_two_standing_for_konjunktiv_one_goes_on_over_a_run_of_it(nlp):
    text = ("Die Bergwacht meldete, die Lage am Pass sei unübersichtlich. Am Gipfel säßen noch zwölf Wanderer fest. "
            "Für den Abstieg stünden nur vier Retter bereit.")
    assert name_of(nlp, text, "zwölf Wanderer") == "Bergwacht"
    assert name_of(nlp, text, "vier Retter") == "Bergwacht"
    # a modal's Konjunktiv II is a possibility of its own: it ends the chain
    text = ("Die Bergwacht meldete, die Lage am Pass sei unübersichtlich. Am Gipfel könnten noch Wanderer festsitzen. "
            "Für den Abstieg stünden nur vier Retter bereit.")
    assert name_of(nlp, text, "vier Retter") is None


def test_a_bare_name_after_the_verb_is_the_subject_of_a_fronted_object(nlp):
    # the tagger reads an unknown surname as a common noun and the parser labels it the object: no article and a
    # word the lexicon reads as a name make it the speaker of "Eine Verlängerung ... bezeichnete X als ..."
    text = "Eine Verlängerung der Frist bezeichnete Kowalczyk als unnötig, weil die Firma seit vier Jahren warte."
    assert name_of(nlp, text, "vier Jahren") == "Kowalczyk"
    # a common noun after the verb stays what it is
    assert name_of(nlp, "Den Sieg widmete der Trainer den 40 Helfern.", "40") != "Sieg"


def test_a_compound_whose_head_only_ends_in_a_reporting_nouns_letters_is_no_report(nlp):
    # "Arbeits|vermittlung" ends in the letters of "Ermittlung" but is headed by "Vermittlung" (the lexicon's split):
    # it is the body that speaks, not a report whose compound names "Arbeitsv"
    text = "Die Arbeitsvermittlung meldete, es gebe derzeit 420 offene Stellen in der Pflege."
    assert name_of(nlp, text, "420") == "Arbeitsvermittlung"
    from lagebild.extract.attribution.cues import _reporting_noun_lemma
    from lagebild.lang.de import words

    nouns = words("reporting_nouns")
    assert not _reporting_noun_lemma("stellenvermittlung", nouns)
    assert _reporting_noun_lemma("polizeiermittlung", nouns) and _reporting_noun_lemma("wettervorhersage", nouns)


def test_a_figure_in_the_speakers_own_phrase_is_stated_by_the_article(nlp):
    # the figure says who speaks, not what is said: no source, and no fallback names one
    assert name_of(nlp, "Streik bei der Bahn. Der seit mehr als zwölf Jahren amtierende Gewerkschaftschef "
                        "erklärte am Montag, man werde nicht nachgeben.\n", "zwölf") is None
    assert name_of(nlp, "Proteste in der Hauptstadt. Zehntausende forderten am Wochenende den Rücktritt der "
                        "Regierung.\n", "Zehntausende") is None
    # what the speaker says keeps its source; the object of an attribution phrase is no speaker's own phrase
    assert name_of(nlp, "Streik bei der Post. Die Gewerkschaft sprach von 4.000 Teilnehmern.\n", "4.000") \
        == "Gewerkschaft"
    assert name_of(nlp, "Streik im Hafen. Laut Verdi bundesweit 12.000 Streikende, davon 3.000 in Hamburg.\n",
                   "12.000") == "Verdi"
    # a share of those a poll asked is the poll's result, also where it names who speaks (review rv31)
    assert name_of(nlp, "Pflege am Limit. Eine Studie der Arbeiterkammer ergab große Belastungen. Zwei Drittel der "
                        "befragten Pflegekräfte gaben an, regelmäßig Überstunden zu leisten.\n", "Zwei Drittel") \
        == "Arbeiterkammer"


def test_a_poll_noun_in_the_lead_is_a_source_only_where_the_lead_cites_it(nlp):
    from lagebild.extract.attribution.sources import survey_source

    def poll(text):
        found = survey_source(nlp(text))
        return found[1].name if found else None
    # cited: under a preposition citing a document, or subject/object of a reporting verb
    assert poll("Laut einer Umfrage des Instituts Allensbach sind 41 Prozent dafür.") == "Instituts Allensbach"
    assert poll("Eine Studie der Arbeiterkammer ergab, dass 12 Prozent betroffen sind.") == "Arbeiterkammer"
    # a tendency, or a count asked for, cites nothing: the figures after it are not the genitive's
    assert poll("Nun scheint der Trend der städtischen Pendler zum Auto gebrochen. Der Absatz stieg um 4 Prozent.") \
        is None
    assert poll("Der Verband ruft zu Bestandserhebungen der Wölfe auf. In Sachsen leben 30 Rudel.") is None


def test_a_compound_reporting_noun_names_its_first_part_only_where_that_can_name_someone(nlp):
    from lagebild.extract.attribution import cues as C

    doc = nlp("Nach Feuerwehrangaben, laut Vorausbericht, laut Vorabmeldung, laut Arbeitsvermittlung.")
    got = {t.text: C.compound_source(t) for t in doc if t.pos_ in ("NOUN", "PROPN")}
    assert {"Vorausbericht", "Vorabmeldung", "Arbeitsvermittlung"} <= set(got)    # asked of each, not skipped
    assert got["Feuerwehrangaben"] == "Feuerwehr"
    # a particle or adverb before the reporting noun names no one; a head that only ends in one's letters is none
    assert got["Vorausbericht"] is None and got["Vorabmeldung"] is None
    assert got["Arbeitsvermittlung"] is None


def test_eigen_in_any_inflection_names_the_clauses_subject_not_a_side(nlp):
    # "nach eigenen Angaben", "eigener Aussage zufolge", "laut eigenem Bekunden": the adjective's stem, not one form
    assert name_of(nlp, "Firma wächst. Das Unternehmen hat eigener Aussage zufolge 300 neue Stellen geschaffen.\n",
                   "300") == "Unternehmen"
    assert name_of(nlp, "Firma wächst. Der Konzern beschäftigt nach eigener Darstellung 4.000 Menschen.\n",
                   "4.000") == "Konzern"
    assert name_of(nlp, "Neue Oper eröffnet. Die Intendantin hat laut eigenem Bekunden seit 20 Jahren auf diesen "
                        "Tag gewartet.\n", "20") == "Intendantin"
    # an adjective of a side still names the side
    assert "russisch" in (name_of(nlp, "Kämpfe im Osten. Nach russischen Angaben wurden 40 Soldaten getötet.\n",
                                  "40") or "")


# --- session 18 (src18): the parse against the word forms ----------------------------------------------------------


def test_a_particle_that_makes_another_verb_is_no_speech_act(nlp):
    # "sprach ... frei" is "freisprechen" (a verdict), even where the parser hangs the particle as an adverb; the
    # word rules and the trained component read "sprach" by its form
    text = "Ein Schöffengericht sprach den Bürgermeister vor mehr als zehn Jahren von allen Vorwürfen frei."
    assert name_of(nlp, text, "mehr als zehn") is None


def test_a_particle_verb_that_presents_figures_still_reports(nlp):
    text = "Die Ingenieure rechnen vor, dass der Umbau der Brücke rund 40 Millionen Euro kosten würde."
    assert (name_of(nlp, text, "40 Millionen") or "").startswith("Ingenieur")


def test_plural_indefinite_pronouns_name_no_source(nlp):
    text = ("Wie viele Menschen zum Fest kamen, ist umstritten. Einige sprechen von 3.000 Besuchern, andere sagen, "
            "es seien 5.000 Besucher gewesen.")
    assert name_of(nlp, text, "3.000") is None
    assert name_of(nlp, text, "5.000") is None


def test_a_day_after_a_report_noun_is_no_source(nlp):
    text = ("Die Zahl der Einbrüche ist gestiegen. Dem Bericht vom Mittwoch zufolge wurden im Vorjahr 412 Fälle "
            "angezeigt.")
    assert name_of(nlp, text, "412") != "Mittwoch"


def test_the_dateline_is_no_speaker(nlp):
    text = ('Der Biograf spricht von "Rufmord" und "unerträglicher Hetze". Wien – Im Rechtsstreit mit seinem einstigen '
            "Biografen Peter Lind hat der österreichische Altbürgermeister Franz Huber (SPÖ) den Autor auf mindestens "
            "vier Millionen Euro Schadenersatz geklagt. Der Prozess werde am Montag eröffnet, berichtete die Zeitung.")
    assert name_of(nlp, text, "vier Millionen") != "Wien"


@pytest.mark.parametrize("text,figure,name", [
    ("Die Stadtwerke wollen 200 neue Busse kaufen, sagte der Sprecher der städtischen Verkehrsbetriebe, "
     "Markus Feldmann, der Zeitung am Montag.", "200", "Markus Feldmann"),
    ("Bis 2030 sollen 5.000 neue Wohnungen entstehen, erklärte die Leiterin des Bauamts, Sabine Krüger, am Dienstag.",
     "5.000", "Sabine Krüger"),
])
def test_a_name_between_commas_after_a_role_names_the_speaker(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_a_headline_prefix_the_sentence_splitter_cut_off_still_names_the_source(nlp):
    from types import SimpleNamespace

    from lagebild.extract.attribution import figures as F

    text = "Brandner: Ziel sei, dass bis 2025 wieder 300.000 Touristen kommen."
    doc = nlp(text)
    cut = text.index(":") + 1
    units = [SimpleNamespace(start=0, end=cut, paragraph=0, heading=True, title=True),
             SimpleNamespace(start=cut + 1, end=len(text), paragraph=0, heading=True, title=True)]
    said = F._headline(doc, units, 1, [[], []])
    assert said is not None and said.source.name == "Brandner"


@pytest.mark.parametrize("text,figure,name", [
    ("Es gebe 200 Verletzte, sagte der Polizei ein Sanitäter.", "200", "Sanitäter"),
    ("Die Stadt habe 300 neue Lehrer eingestellt, sagte der Zeitung eine Sprecherin des Ministeriums.", "300",
     "Sprecherin des Ministeriums"),
])
def test_a_dative_before_the_subject_is_the_addressee_not_the_speaker(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_das_teilte_x_mit_names_the_source_of_the_report_from_its_first_sentence(nlp):
    text = ("Linz – Das Landesgericht hat über zwei Baufirmen eine Geldbuße in der Höhe von 340.000 Euro verhängt. "
            "Die Firmen hatten bei öffentlichen Aufträgen Preise abgesprochen. Das teilte die Wettbewerbsbehörde am "
            "Montag mit.")
    assert name_of(nlp, text, "340.000") == "Wettbewerbsbehörde"
    # a sentence between that reports someone else ends the reach
    other = ("Das Landesgericht hat über zwei Baufirmen eine Geldbuße von 340.000 Euro verhängt. Die Firmen sagten, "
             "sie hätten keine Preise abgesprochen. Das teilte die Wettbewerbsbehörde am Montag mit.")
    assert name_of(nlp, other, "340.000") != "Wettbewerbsbehörde"


# --- review rv37 of src18: the same rules where they must not fire -------------------------------------------------


def test_a_subject_before_the_dative_stays_the_speaker(nlp):
    # the usual order: the subject first, the addressee after it; only a dative article opens an addressee
    text = "Die Gemeinde habe 60 neue Wohnungen gebaut, sagte die Sprecherin dem Sender."
    assert (name_of(nlp, text, "60") or "").startswith("Sprecherin")


def test_a_name_with_an_aside_between_dashes_is_no_dateline(nlp):
    text = ("Der Konzern baut um. Bosch – der Zulieferer hat weltweit 400.000 Beschäftigte – kündigte an, "
            "3.000 Stellen zu streichen.")
    assert name_of(nlp, text, "3.000") == "Bosch"


def test_das_teilte_x_mit_does_not_reach_over_a_new_event(nlp):
    # the sentence between tells something new (no pronoun going on, no pluperfect): "Das" is that event only
    text = ("Der Ort hat rund 9.000 Einwohner. Am Dienstag stürzte dort eine Brücke ein. Das teilte die Polizei "
            "am Abend mit.")
    assert name_of(nlp, text, "9.000") is None


def test_a_time_as_the_word_rules_source_is_matched_by_words_not_letters(nlp):
    from lagebild.extract.attribution import word_cue_misread

    text = "Die UN zählten am 17. Juni 400 Tote."
    doc = nlp.make_doc(text)
    doc._.article_id = "t.txt"
    doc = nlp(doc)
    assert doc._.times, "the times component finds the date"
    assert word_cue_misread(doc, [(0, len(text))], "Juni")
    assert not word_cue_misread(doc, [(0, len(text))], "UN")


@pytest.mark.parametrize("text,figure,name", [
    ("Die Zeugin sagte vor Gericht aus, sie habe mindestens 15 Schüsse gehört.", "15", "Zeugin"),
    ("Der Gutachter sagte aus, der Schaden betrage rund 80.000 Euro.", "80.000", "Gutachter"),
])
def test_a_speech_verb_with_its_particle_joined_still_reports(nlp, text, figure, name):
    # "sagte ... aus" (testimony) stays a speech act once the particle is joined
    assert name_of(nlp, text, figure) == name


# session 19 (figsrc19): sources carried to a sentence that is no report, and speakers the parse misplaces

def test_a_speakers_comment_on_the_sentence_before_does_not_source_it(nlp):
    # "Dies sei ...": the speaker judges what the reporter told; the figure before is the reporter's own
    text = ("Im Frühjahr hatte die Regierung 40 Schützenpanzer an die Ukraine geschickt. Dies sei ein wichtiges "
            "Zeichen der Solidarität, sagte die Ministerin.")
    assert name_of(nlp, text, "40") is None


def test_a_report_continued_after_its_figure_still_sources_it(nlp):
    # the next sentence goes on with new facts (no demonstrative judging the one before): its speaker's report
    text = ("Bei einem Brand in Graz sind 12 Bewohner verletzt worden. Unter ihnen seien drei Kinder, "
            "berichtete die Feuerwehr.")
    assert name_of(nlp, text, "12") == "Feuerwehr"


def test_an_agentless_report_about_the_speaker_before_names_no_source(nlp):
    # "Ihm war vorgeworfen worden": he is the one accused, not the one reporting
    text = ("Der Bürgermeister wies die Kritik am Montag zurück. Er will sich vor Gericht wehren. Schon im Sommer "
            "war ihm in drei Zeitungsartikeln vorgeworfen worden, Gelder veruntreut zu haben.")
    assert name_of(nlp, text, "drei") is None


def test_the_figure_as_subject_of_a_reporting_verb_is_stated_by_the_article(nlp):
    # "Dutzende gaben ... an": the figure is the speaker itself - no one else reports it
    text = "Hunderte gaben bei der Befragung ein falsches Alter an."
    assert name_of(nlp, text, "Hunderte") is None


@pytest.mark.parametrize("text,figure,name", [
    # a person introduced by role and name, later named by the role alone: the person
    ("Die Sprecherin der Feuerwehr, Anna Berger, sagte am Morgen, der Brand sei gelöscht. Am Abend sagte die "
     "Sprecherin, 35 Bewohner seien evakuiert worden.", "35", "Anna Berger"),
    # a body named fully, later by its noun alone: the body as named first
    ("Das Amt für Verbraucherschutz rief die Wurst zurück. Das Amt teilte mit, 9 Filialen seien betroffen.", "9",
     "Amt für Verbraucherschutz"),
])
def test_a_role_named_before_is_the_speaker_named_in_full(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name,relay", [
    # "X beruft sich auf Y" then a report going on: Y is the source, X relays it
    ("Das Nachrichtenportal berief sich auf Angaben der Bergwacht. Demnach wurden 6 Wanderer vermisst.", "6",
     "Bergwacht", "Nachrichtenportal"),
    ("Der Sender stützt sich auf Regierungskreise. Dort seien 200 Beamte versetzt worden.", "200",
     "Regierungskreise", "Sender"),
    # an "auf" phrase that names no one (a time) cites no source
    ("Die Statistik bezieht sich auf das Jahr 2019. Damals seien 70 Betriebe geschlossen worden.", "70", None, None),
    # rv41: "sich beziehen auf" a body is what a text is about, not whom it cites; only "auf Angaben von Y" cites
    ("Der Bericht bezieht sich auf die Landesregierung. Demnach seien 50 Stellen gestrichen worden.", "50", None,
     None),
])
def test_a_source_cited_by_sich_berufen_auf_is_relayed_by_the_citing_subject(nlp, text, figure, name, relay):
    src = source_of(nlp, text, figure)
    assert (src.name if src else None) == name
    assert (src.relayed_by if src else None) == relay



def test_a_subject_hung_under_the_auxiliary_still_speaks(nlp):
    # session 20: the parser may hang the subject of a perfect under "hat" instead of the participle
    text = ("So hat das Statistische Landesamt nun die Ergebnisse einer Umfrage unter 1500 Lehrern aus mehreren "
            "Bezirken, darunter Mitte und Nord, veröffentlicht.")
    assert "Landesamt" in (name_of(nlp, text, "1500") or "")


def test_the_object_of_a_perfect_with_haben_is_no_speaker(nlp):
    # the parser may label the subject of "haben ... angekündigt" a passive subject: the perfect with "haben" is
    # active, the figure stands in its subject (stated by the article), and the object is what was announced
    assert name_of(nlp, "Die vier großen Stromkonzerne haben gestern deren Verkauf an Investoren angekündigt.",
                   "vier") is None


def test_a_cue_in_the_figures_clause_whose_subject_holds_the_figure_is_no_source(nlp):
    text = "Schon im Mai sollen drei Informanten vor dem Angriff gewarnt haben, wie aus Akten der Behörde hervorgehe."
    c = next(c for c in claims(nlp, text) if "drei" in c.text)
    assert [s.name for s in c.sources] == ["Akten der Behörde"]


@pytest.mark.parametrize("text,figure", [
    ("Dem Stadtrat wurde gemeldet, dass 30 Brücken marode seien.", "30"),
    ("Dem Ministerium wurde mitgeteilt, dass 500 Anträge eingegangen seien.", "500"),
])
def test_the_dative_a_report_was_given_to_is_no_source(nlp, text, figure):
    # the trained component may take the fronted dative of a passive report for its speaker: the addressee
    assert name_of(nlp, text, figure) is None


def test_an_oblique_article_under_an_attribution_adposition_still_speaks(nlp):
    assert name_of(nlp, "Dem Ministerium zufolge wurden 40 Zeugen geladen.", "40") == "Ministerium"


@pytest.mark.parametrize("text,figure,source,relay", [
    ('Die Zeitung "Haaretz", die sich auf Armeekreise berief, meldete 30 Tote.', "30", "Armeekreise", "Haaretz"),
    ("Laut einem Bericht des Senders CNN, der sich auf Regierungsbeamte beruft, wurden 200 Drohnen geliefert.",
     "200", "Regierungsbeamte", "CNN"),
])
def test_an_outlets_relative_clause_naming_what_it_relies_on_relays(nlp, text, figure, source, relay):
    # "die sich auf X beruft" is the verb of "unter Berufung auf X": X is the source, the outlet relays it
    src = source_of(nlp, text, figure)
    assert src is not None and (src.name, src.relayed_by) == (source, relay)


def test_a_body_relying_on_witnesses_stays_the_source(nlp):
    assert name_of(nlp, "Das Hilfswerk, das sich auf Überlebende beruft, meldete 30 Tote.", "30") == "Hilfswerk"


@pytest.mark.parametrize("text,figure,name", [
    # review rv46: an outlet citing its own work stays the source; "verweisen auf" a fact names no source
    ("Die Zeitung, die sich auf eigene Recherchen beruft, meldete 30 Tote.", "30", "Zeitung"),
    ("Der Sender, der auf steigende Kosten verwies, berichtete von 400 Entlassungen.", "400", "Sender"),
])
def test_an_outlets_own_work_or_a_pointed_to_fact_is_no_relay(nlp, text, figure, name):
    src = source_of(nlp, text, figure)
    assert src is not None and (src.name, src.relayed_by) == (name, None)


def test_verweisen_auf_a_speaker_still_relays(nlp):
    src = source_of(nlp, "Die Zeitung, die auf einen Sprecher der Armee verwies, meldete 30 Tote.", "30")
    assert src is not None and src.relayed_by == "Zeitung" and "Sprecher" in src.name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc21: a body named by a compound, later by the compound's head noun alone: the body as named first
    ("Bei Kämpfen im Norden sind der Hilfsorganisation Sanaro zufolge mindestens 12 Menschen getötet worden. Wie die "
     "Organisation am Dienstag mitteilte, wurden 5 Soldaten getötet.", "5 Soldaten", "Sanaro"),
    # review (figsrc21): a person's compound title is another office - the Chancellor is not the Vice-Chancellor
    ("Vizekanzler Werner Haider kritisierte den Plan. Der Kanzler sagte, die Reform koste 200 Millionen Euro.",
     "200", "Kanzler"),
])
def test_a_role_named_before_by_a_compound_it_heads(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc21: a person named, then described by a definite epithet opening the next sentence: the person
    ("Der Plan stammt von Erika Moser. Die frühere Leiterin des Rechnungshofs verlangt eine Obergrenze von 40.000 "
     "Euro.", "40.000", "Erika Moser"),
    # review (figsrc21): a person something was done to, or one introduced by a role noun of their own, is not the
    # official the next sentence describes
    ("Bei dem Unfall wurde der 34-jährige Markus Brandl schwer verletzt. Der zuständige Minister sagte, 40 Menschen "
     "seien auf der Strecke gestorben.", "40 Menschen", "zuständige Minister"),
    ("Die Polizei nahm den mutmaßlichen Täter Stefan Gruber fest. Der frühere Polizeichef der Stadt erklärte, 120 "
     "Beamte seien im Einsatz gewesen.", "120", "frühere Polizeichef der Stadt"),
    # integrator (rv55): the subject of a deed is no speaker introduced - the dead man is not the minister
    ("Bei dem Unfall starb der 34-jährige Markus Brandl. Der zuständige Minister sagte, 40 Menschen seien auf der "
     "Strecke gestorben.", "40 Menschen", "zuständige Minister"),
    # the subject of a reporting verb is
    ("Erika Moser kritisierte den Plan scharf. Die frühere Leiterin des Rechnungshofs verlangt eine Obergrenze von "
     "40.000 Euro.", "40.000", "Erika Moser"),
    # two people named before: whom the epithet describes is unclear - it stays as written
    ("Der Plan stammt von Erika Moser und Paul Huber. Die frühere Leiterin des Rechnungshofs verlangt eine Obergrenze "
     "von 40.000 Euro.", "40.000", "frühere Leiterin des Rechnungshofs"),
])
def test_an_epithet_is_the_person_named_in_the_sentence_before(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc21: "Das heißt ...:" means "that means" - a conclusion drawn, no one heard
    ("Im Vorjahr kamen 300 Besucher zur Messe. Das heißt in der Praxis: Die Halle war voll.", "300", None),
    # the impersonal report "heißt es in ..." still names where it is said
    ("Im Vorjahr kamen 300 Besucher zur Messe. So heißt es in der Bilanz des Veranstalters.", "300", "Veranstalter"),
])
def test_das_heisst_is_no_report(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc21: an agentless "wird auf eine Studie verwiesen", then "Demnach": the study, not the source before it
    ("Laut einer Umfrage der Kammer sind 30 Prozent der Betriebe verschuldet. Zur Frage der Pflege wird auf eine "
     "britische Studie verwiesen. Demnach arbeiten 40 Prozent der Pfleger nachts.", "40", "britische Studie"),
    ("Laut einer Umfrage der Kammer sind 30 Prozent der Betriebe verschuldet. Zur Frage der Pflege wird auf eine "
     "Studie der Universität Graz verwiesen. Demnach arbeiten 40 Prozent der Pfleger nachts.", "40",
     "Universität Graz"),
    # pointing to a fact, not a document: the chain goes on to the source before
    ("Laut einer Umfrage der Kammer sind 30 Prozent der Betriebe verschuldet. Zur Frage der Pflege wird auf "
     "steigende Kosten verwiesen. Demnach arbeiten 40 Prozent der Pfleger nachts.", "40", "Kammer"),
])
def test_a_document_pointed_to_in_the_passive_is_the_source_after_it(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name,relay", [
    # figsrc21: a title in quotation marks is an outlet the outlet list need not know: its citing relays
    ('Laut einem Bericht der "Ostsee Rundschau", die sich auf Regierungsbeamte beruft, wurden 40 Soldaten verlegt.',
     "40", "Regierungsbeamte", "Ostsee Rundschau"),
    ('Wie die "Ostsee Rundschau" unter Berufung auf Diplomaten berichtete, gab es 40 Tote.', "40", "Diplomaten",
     "Ostsee Rundschau"),
    # a body without quotes citing its witnesses stays the source
    ("Laut einem Bericht der Hafenverwaltung, die sich auf Lotsen beruft, wurden 40 Schiffe umgeleitet.", "40",
     "Hafenverwaltung", None),
])
def test_a_title_in_quotes_relays_what_it_cites(nlp, text, figure, name, relay):
    src = source_of(nlp, text, figure)
    assert (src.name if src else None, src.relayed_by if src else None) == (name, relay)


@pytest.mark.parametrize("text,figure,name", [
    # figsrc22: object first, subject after the verb, both labelled subjects: the finite verb agrees in number with
    # the subject ("beziffert": singular; "Kosten", "Schäden": plural)
    ("Die Kosten des Umbaus beziffert der Architekt mit 4 Millionen Euro.", "4 Millionen", "Architekt"),
    ("Die Schäden am Deich beziffert der Sachverständige mit 12 Millionen Euro.", "12 Millionen", "Sachverständige"),
    # where the parse's number does not tell, the one that is a kind of speaker (an agent noun), not the thing
    ("Die Verluste der Werft beziffert der Gutachter mit 80 Mio. Franken (75 Mio. Euro).", "80", "Gutachter"),
    # the subject first stays the subject
    ("Die Polizei bezifferte die Zahl der Teilnehmer auf 5.000.", "5.000", "Polizei"),
])
def test_a_fronted_object_of_beziffern_is_no_source(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc22: a place's name under the role's genitive names the area the role serves, not the speaker
    ("Die Polizeichefin des Bezirks Nordheim sprach von 40 Verletzten.", "40",
     "Polizeichefin des Bezirks Nordheim"),
    ("Der Polizeichef der Provinz Karvan sagte, es gebe 12 Tote.", "12", "Polizeichef der Provinz Karvan"),
    # a person's name there still names the role
    ("Der Sekretär des Sicherheitsrates Boris Orlow sagte, es gebe 12 Tote.", "12", "Boris Orlow"),
])
def test_a_place_in_the_role_phrase_is_no_speaker_name(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc22: a verb that frames a clause in Konjunktiv I reports, whatever its lemma: its subject is the sentence's
    # own speaker, before a source carried from the sentence before
    ("Der Sänger sei nach Auskunft seiner Ärztin wohlauf. Der 54-Jährige habe in den vergangenen zwölf Jahren keine "
     "ernsten Leiden gehabt, bescheinigte Karla Weber vom Städtischen Klinikum, die den Sänger seit 1990 behandelt.",
     "zwölf Jahren", "Karla Weber"),
    ("Die Prüferin attestierte, die Brücke sei für 40 Tonnen sicher.", "40", "Prüferin"),
])
def test_a_verb_framing_konjunktiv_i_reports(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc22: "heißt es in X": the text the report stands in speaks; "weiter" hung as the verb's particle keeps it
    ("Laut dem Betriebsrat ist die Lage ernst. Die Firma habe 40 Stellen gestrichen, heißt es in der Klageschrift.",
     "40", "Klageschrift"),
    ("Der Bürgermeister sprach von einem Unglück. Es gebe 30 Verletzte, hieß es in der Mitteilung.", "30",
     "Mitteilung"),
    ("Es gebe 30 Tote, hieß es in der Mitteilung weiter.", "30", "Mitteilung"),
    # a noun made from an infinitive keeps its -n ("Schreiben" is no dative plural of "Schreibe")
    ("Der Sänger sei gesund. Er habe fünf Kilogramm abgenommen, hieß es in dem ärztlichen Schreiben weiter.", "fünf",
     "ärztlichen Schreiben"),
    # a feminine noun in the dative singular is its nominative as written (the lemmatiser cuts "Einsatzzentral")
    ("Die Lage sei ruhig. Es gebe 25 Verletzte, hieß es in der Einsatzzentrale.", "25", "Einsatzzentrale"),
    # a time is no text
    ("Es gebe 30 Tote, hieß es in der Nacht.", "30", None),
    # an origin named beside the text speaks: the text is its
    ("Man habe auf die Natur Wert gelegt, hieß es seitens des Unternehmens in einer Aussendung: Insgesamt 150 "
     "Einzelauflagen sorgten für Schutz.", "150", "Unternehmen"),
])
def test_heissen_names_the_text_a_report_stands_in(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # figsrc22: reported speech after an answer that only points back ("wies das zurück") is closed by its own source
    ("Die Mieterin führt den Schaden auf Pfusch zurück. Die Baufirma wies das zurück. Die Mängel hätten 14 Garagen "
     "beschädigt. So habe die Mieterin viel Geld verloren, sagte ihr Anwalt.", "14", "Anwalt"),
    # with no source closing the run, the one who answers goes on speaking
    ("Die Gewerkschaft wirft dem Konzern Lohndumping vor. Die Leitung wies das zurück. Man habe die Löhne um 12 "
     "Prozent erhöht.", "12", "Leitung"),
    # review figsrc22: "man" (or a pronoun agreeing with who answered) goes on with the answer - not the report of
    # another speaker closing the next sentence
    ("Die Umweltschützer werfen dem Werk Verschmutzung vor. Die Betreiber bestritten dies. Man habe 40 Filter "
     "eingebaut. Der Fluss sei trotzdem belastet, sagte ein Biologe.", "40", "Betreiber"),
])
def test_reported_speech_after_an_answer_takes_the_source_that_closes_it(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_a_verb_with_a_noun_object_does_not_frame_the_report_before_it(nlp):
    # figsrc22: the parser may hang another's report in Konjunktiv I under a verb that does something else
    text = ("Nach Vorwürfen der Opposition, in der Provinz seien 40 Wahllokale manipuliert worden, leitete die "
            "Regierung eine Untersuchung ein.")
    c = next(c for c in claims(nlp, text) if "40" in c.text)
    assert [s.name for s in c.sources] == ["Opposition"]


def _parsed(nlp, rows):
    """A Doc with the parse given (word, lemma, pos, tag, dep, head, morph): a parse the parser may give."""
    from spacy.tokens import Doc

    words, lemmas, pos, tags, deps, heads, morphs = zip(*rows)
    return Doc(nlp.vocab, words=list(words), lemmas=list(lemmas), pos=list(pos), tags=list(tags), deps=list(deps),
               heads=list(heads), morphs=list(morphs))


@pytest.mark.parametrize("subject,lemma,frames", [("Prüferin", "Prüferin", True), ("Anschlag", "Anschlag", False)])
def test_only_a_subject_that_can_speak_frames_reported_speech(nlp, subject, lemma, frames):
    # figsrc22: "Der Anschlag beweist, die Halle sei zu klein": a thing proves, it does not report
    from lagebild.extract.attribution.cues import frames_reported_speech

    doc = _parsed(nlp, [
        ("Der", "der", "DET", "ART", "det", 1, "Case=Nom"),
        (subject, lemma, "NOUN", "NN", "nsubj", 2, "Case=Nom|Number=Sing"),
        ("beweist", "beweisen", "VERB", "VVFIN", "ROOT", 2, "Mood=Ind|Number=Sing|Person=3"),
        (",", ",", "PUNCT", "$,", "punct", 6, ""),
        ("die", "der", "DET", "ART", "det", 5, "Case=Nom"),
        ("Halle", "Halle", "NOUN", "NN", "nsubj", 8, "Case=Nom|Number=Sing"),
        ("sei", "sein", "AUX", "VAFIN", "cop", 8, "Mood=Sub|Number=Sing|Person=3"),
        ("zu", "zu", "ADV", "PTKA", "advmod", 8, ""),
        ("klein", "klein", "ADJ", "ADJD", "ccomp", 2, ""),
        (".", ".", "PUNCT", "$.", "punct", 2, ""),
    ])
    assert frames_reported_speech(doc[2]) is frames


def test_a_dass_clause_in_konjunktiv_i_does_not_make_a_verb_report(nlp):
    # figsrc22: "lehnte mit dem Argument ab, dass ... könne": only a clause in main-clause order marks reported speech
    from lagebild.extract.attribution.cues import frames_reported_speech

    doc = _parsed(nlp, [
        ("Die", "der", "DET", "ART", "det", 1, "Case=Nom"),
        ("Sprecherin", "Sprecherin", "NOUN", "NN", "nsubj", 2, "Case=Nom|Number=Sing"),
        ("lehnte", "lehnen", "VERB", "VVFIN", "ROOT", 2, "Mood=Ind|Number=Sing|Person=3"),
        ("ab", "ab", "ADP", "PTKVZ", "compound:prt", 2, ""),
        (",", ",", "PUNCT", "$,", "punct", 9, ""),
        ("dass", "dass", "SCONJ", "KOUS", "mark", 9, ""),
        ("die", "der", "DET", "ART", "det", 7, "Case=Nom"),
        ("Halle", "Halle", "NOUN", "NN", "nsubj", 9, "Case=Nom|Number=Sing"),
        ("zu", "zu", "ADV", "PTKA", "advmod", 9, ""),
        ("klein", "klein", "ADJ", "ADJD", "ccomp", 2, ""),
        ("sei", "sein", "AUX", "VAFIN", "cop", 9, "Mood=Sub|Number=Sing|Person=3"),
        (".", ".", "PUNCT", "$.", "punct", 2, ""),
    ])
    assert not frames_reported_speech(doc[2])


@pytest.mark.parametrize("text,name", [
    # figsrc22: two sources set against each other in one sentence ("laut A 80, laut B 60"): neither goes on
    ("Der Wirt soll laut Anklage 80, laut Gutachten zumindest 60 Gäste mit verdorbenem Fisch vergiftet haben. Mehr "
     "als 20 Gäste erhielten Schmerzensgeld.", None),
    ("Der Wirt soll laut Anklage 80 Gäste mit verdorbenem Fisch vergiftet haben. Mehr als 20 Gäste erhielten "
     "Schmerzensgeld.", "Anklage"),
])
def test_sources_set_against_each_other_are_not_carried_on(nlp, text, name):
    assert name_of(nlp, text, "Mehr als 20") == name


@pytest.mark.parametrize("text,figure,name", [
    # src23: "heißt es in X" is the parse's (quotations._text_heard_in): where it reads X as a place, the word rules'
    # fallback names no one either
    ("Der Wasserstand sei gefährlich. Rund 60 Keller seien überflutet, heißt es in der Hauptstadt.", "60", None),
    ("Man erwarte zum Fest 900 Gäste, hieß es im Ort.", "900", None),
    # guard: a text it reads as one stays the source
    ("Man erwarte zum Fest 900 Gäste, hieß es in der Einladung.", "900", "Einladung"),
])
def test_heissen_in_a_place_names_no_source_by_the_word_rules(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # src23: ", so dass ...": "so" opens a clause, the noun after it is no speaker (", so X" needs X right after it)
    ("Laut der Feuerwehr wurden Pumpen aufgestellt, so dass für die Räumung der Keller nun 80 Helfer bereitstehen.",
     "80", "Feuerwehr"),
    # guard: ", so der Sprecher" with the noun right after "so" is the speaker
    ("Es seien 80 Helfer im Einsatz, so der Sprecher der Feuerwehr.", "80", "Sprecher der Feuerwehr"),
])
def test_so_dass_names_no_speaker(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # src23: a reporting verb in the passive names its speaker in a "von" phrase the parser labels a plain oblique
    ("Die Schäden am Dach wurden von der Polizei mit 80.000 Euro beziffert.", "80.000", "Polizei"),
    ("Die Zahl der Teilnehmer wurde von den Veranstaltern auf 4.000 beziffert.", "4.000", "Veranstalter"),
    # guard: a change "von X auf Y" is no one's word
    ("Der Eintritt wurde von 12 auf 15 Euro angehoben.", "15", None),
    # guard: "wird von 2.000 Vermissten gesprochen": a von phrase holding the figure is what is said
    ("In ukrainischen Schätzungen wird von rund 2.000 Vermissten gesprochen.", "2.000", "ukrainischen Schätzungen"),
])
def test_a_passive_report_names_its_von_phrase(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_a_reporting_verb_with_sein_is_the_state_passive(nlp):
    # src23: "Jetzt sind die Länder gefordert": a verb of saying with "sein" is the state passive - its noun phrase
    # was called on, it says nothing; the Konjunktiv I after it goes on with the speaker before
    text = ("Die Ministerin erklärte, der Bund habe genug getan. Nun sind eben andere Länder gefordert. Ihr Einwand: "
            "Der Bund habe heuer 12.000 Plätze geschaffen.")
    assert name_of(nlp, text, "12.000") == "Ministerin"


def test_a_figures_unit_is_no_speaker(nlp):
    # src23: "schätzen 25 Mio. Dollar": the unit the lexicon reads as a name, with the number's phrase hung beside it,
    # is the measure, not a speaking object after the verb; the subject before the verb speaks
    text = "Beobachter gehen von 3 bis 4 Mio. Euro aus, manche schätzen sogar 6 Mio. Euro."
    assert name_of(nlp, text, "3 bis 4") == "Beobachter"
    assert name_of(nlp, text, "6 Mio") == "Beobachter"


@pytest.mark.parametrize("text,figure,name", [
    # rv23: "von Kiew aus": the place the passive report was made from, not its agent - no one is named
    ("Die Zahl der Toten wurde von Kiew aus mit 45 angegeben.", "45", None),
    ("Die Menge wurde vom Hafen Hamburg aus auf 4.000 Container geschätzt.", "4.000", None),
])
def test_a_von_aus_phrase_is_no_passive_agent(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # rv23: "ausgehen (von)", to assume, forms its perfect with sein: "sind davon ausgegangen" is active, its subject
    # speaks - no state passive
    ("Die Ermittler sind zunächst davon ausgegangen, dass 12 Menschen an Bord waren.", "12", "Ermittler"),
])
def test_ausgehen_von_with_sein_is_no_state_passive(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,heard", [
    # rv23: "hieß es in Kabul von Seiten der Armee": the word rules' phrase runs past the place to whom it was heard
    # from - the place does not make it no source
    ("40 Soldaten seien verletzt, hieß es in Kabul von Seiten der Armee.", "40", "Armee"),
    ("40 Soldaten seien verletzt, hieß es in Berlin aus Regierungskreisen.", "40", "Regierungskreisen"),
])
def test_heissen_in_a_place_with_whom_after_it_keeps_the_source(nlp, text, figure, heard):
    assert heard in (name_of(nlp, text, figure) or "")


@pytest.mark.parametrize("text,figure,name", [
    # rv23: ", so gestern ein Sprecher": an adverb between "so" and the speaker (the parser hangs it apart) still
    # leaves the speaker right after "so"; ", so dass ..." opens a clause (test_so_dass_names_no_speaker)
    ("Mindestens 40 Menschen kamen ums Leben, so gestern ein Sprecher der Polizei.", "40", "Sprecher der Polizei"),
])
def test_so_with_an_adverb_before_the_speaker(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_a_year_before_a_name_is_no_figure_it_measures(nlp):
    # rv23: "bezifferte 2014 Amnesty": the number before the name is a year (the times component found it), not the
    # figure of a unit - the name after the verb speaks
    assert name_of(nlp, "Die Zahl der Opfer bezifferte 2014 Amnesty auf 300.", "300") == "Amnesty"


# src24: each test fails on main 3a99790 (invented sentences, none from the articles that prompted the rule)

def test_a_title_of_common_nouns_keeps_its_words(nlp):
    # src24: a bare plural subject with a singular verb is one body's name made of common nouns
    # (sources._title_of_common_nouns) - not the lemma of its first noun
    text = ("Nach dem Erdbeben im Süden des Landes meldete die Regierung 12 Tote. Ingenieure ohne Grenzen teilte am "
            "Montag mit, 40 Brunnen seien in der Region zerstört worden.")
    assert name_of(nlp, text, "40 Brunnen") == "Ingenieure ohne Grenzen"


def test_a_bare_plural_with_a_plural_verb_stays_people(nlp):
    # src24 guard: a plural verb - people, no title
    assert name_of(nlp, "Bauern aus der Region berichteten, 300 Kühe seien verendet.", "300") \
        == "Bauern aus der Region"


def test_marks_around_a_name_make_no_direct_quotation(nlp):
    # src24: the marks around a campaign's name made the covering report "Direct", which outranked the 'laut' phrase
    # right before the figure (quotations: names_something before marking the owner Direct)
    text = ("Nach Angaben des Gesundheitsamts stieg die Zahl der Fälle während der Kampagne „Sauberer Fluss“ auf 240, "
            "darunter laut WHO-Angaben 35 Kinder.")
    assert "WHO" in name_of(nlp, text, "35 Kinder")


def test_a_plural_modal_in_konjunktiv_ii_goes_on_with_the_speaker(nlp):
    # src24: 'könnten' stands for Konjunktiv I 'können', which looks like the indicative (cues.modal_ersatz); the
    # 'Wie X, Sprecher ..., mitteilte' clause the parser hangs under the name as a relative clause names X
    # (quotations._wie_clause_on_its_subject)
    text = ("Das Hochwasser im Osten hält an.\n\nWie Karl Berger, Sprecher der Feuerwehr in Tirol, am Abend mitteilte, "
            "hat die Stadt lediglich vier Löschzüge im Einsatz. Diese könnten pro Stunde höchstens 30 Keller "
            "auspumpen.")
    assert name_of(nlp, text, "30 Keller") == "Karl Berger"


def test_a_singular_modal_in_konjunktiv_ii_is_a_possibility(nlp):
    # src24 guard: 'könnte' has a Konjunktiv I of its own ('könne'): no report goes on
    text = ("Das Hochwasser im Osten hält an.\n\nWie Karl Berger, Sprecher der Feuerwehr in Tirol, am Abend mitteilte, "
            "hat die Stadt lediglich vier Löschzüge im Einsatz. Die Lage könnte sich bei 30 Millimetern Regen "
            "verschärfen.")
    assert name_of(nlp, text, "30 Millimetern") is None


def test_a_judgement_states_its_figure(nlp):
    # src24: 'bescheinigen' (and 'attestieren', 'veranschlagen') report the figure of their object
    text = ("Die Stadt Nordheim muss sparen. Der Landesrechnungshof bescheinigte der Stadt im Mai ein Defizit von "
            "40 Millionen Euro.")
    assert name_of(nlp, text, "40 Millionen") == "Landesrechnungshof"


@pytest.mark.parametrize("text,figure,name", [
    # src24: 'seitens X' / 'von Seiten X' in 'war von N die Rede' names the side that speaks, also where the parser
    # reads 'Seitens' as a noun (figures._side_of); the 'von' phrase of the idiom stays what is said
    ("Am Wochenende kam es zu Protesten. Seitens der Veranstalter war von 20.000 Teilnehmern die Rede.", "20.000",
     "Veranstalter"),
    ("Am Wochenende kam es zu Protesten. Von Seiten der Polizei war hingegen von 8.000 Demonstranten die Rede.",
     "8.000", "Polizei"),
])
def test_seitens_in_die_rede_names_the_side(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_das_geht_aus_a_document_hervor_names_its_author(nlp):
    # src24: 'Das geht aus einer Statistik des X hervor.' points back and names X (figures._comes_from); 'Demnach'
    # goes on with it
    text = ("Die Zahl der Einbrüche stieg. Das geht aus einer Statistik des Landeskriminalamts hervor. Demnach wurden "
            "4.000 Wohnungen aufgebrochen.")
    assert name_of(nlp, text, "4.000") == "Landeskriminalamt"


def test_reported_speech_reaches_back_through_sentences_that_carry_on(nlp):
    # src24: 'Der Statistik zufolge', 'Dem Bericht vom Dienstag zufolge' (a date is no owner; 'zufolge' after the
    # phrase) go on with the source named before; the Konjunktiv run reaches it through them (figures._chain)
    text = ("Im Vorjahr gab es mehr Einbrüche. Das geht aus einer Statistik des Landeskriminalamts hervor. Der "
            "Statistik zufolge stieg die Zahl der Fälle stark. 2019 hatte es noch 900 Fälle gegeben. Dem Bericht vom "
            "Dienstag zufolge nahm vor allem die Zahl der Banden zu. Im Vorjahr seien 120 Banden gezählt worden.")
    assert name_of(nlp, text, "120 Banden") == "Landeskriminalamt"



def test_a_chain_through_sentences_that_carry_on_keeps_one_gap(nlp):
    # rv24: the run reaches back through 'Demnach' / 'Den Angaben zufolge' sentences, but the one sentence of the
    # reporter's own it may hold is counted over the whole run (figures._chain): two weather sentences between,
    # the interior minister's report does not carry to the rain
    text = ("Innenminister Huber sagte am Montag, die Polizei habe 300 zusätzliche Beamte im Einsatz. Demnach sind alle "
            "Urlaubssperren aufgehoben. Am Dienstag regnete es in der ganzen Stadt. Demnach fallen viele Feste aus. Am "
            "Mittwoch zog das Gewitter weiter. Den Angaben zufolge fielen 40 Liter Regen.")
    assert name_of(nlp, text, "40 Liter") is None


@pytest.mark.parametrize("text,figure,name", [
    # rv24: in 'war von N die Rede' an 'aus' phrase names who speaks only where it can speak (figures._heard_from):
    # 'aus Angst' is a cause, no source; a circle still speaks
    ("Nach den Unruhen im Hafenviertel blieb es ruhig. Aus Angst vor Plünderungen war von 40 zusätzlichen Streifen "
     "die Rede.", "40 zusätzlichen", None),
    ("Nach den Unruhen im Hafenviertel blieb es ruhig. Aus Polizeikreisen war von 12 Festnahmen die Rede.",
     "12 Festnahmen", "Polizeikreisen"),
])
def test_an_aus_phrase_in_die_rede_speaks_only_where_it_can(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # src25: a name in lower case as the class noun's apposition is the source (sources._appos_name), not the
    # class noun ('der Nachrichtenagenturen dpa und AP')
    ("Nach Angaben der Nachrichtenagenturen dpa und AP besuchten 4.000 Gläubige die Messe.", "4.000", "dpa"),
    # src25: an adjective in -lich of a speaking body says whose report it is, even of a noun that alone names no
    # one (cues.body_of_adjective, quotations._prep_quotations, sources._name: the phrase as written)
    ("Nach behördlichen Angaben leben 300 Familien in dem Lager.", "300", "behördliche Angaben"),
    # guard: an adjective of no body ('vorläufig') names no one
    ("Nach vorläufigen Angaben leben 300 Familien in dem Lager.", "300", None),
])
def test_a_report_s_owner_named_by_a_lower_case_name_or_an_adjective(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # src25: a reporting noun that names its owner (genitive, adjective of a body) as the subject of an agentless
    # passive moving it to a figure: its figures are the owner's (figures._owned_report); 'Demnach' goes on with it
    ("Die polizeilichen Angaben zur Zahl der Verletzten wurden inzwischen von 40 auf 35 korrigiert. Demnach wurden "
     "in der Stadt 20 Menschen und auf dem Land 15 Menschen verletzt.", "20 Menschen", "polizeiliche Angaben"),
    ("Die Angaben der Feuerwehr wurden am Abend auf 35 Verletzte erhöht.", "35 Verletzte", "Feuerwehr"),
    # guard: the figure of another clause is not the report's
    ("Die Angaben der Polizei waren falsch, tatsächlich starben 300 Menschen.", "300", None),
    # review src25 guard: a 'von' phrase that can speak is the passive's agent (parsed 'obl'), not a change's start
    ("Die Angaben der Polizei wurden von 40 Journalisten angezweifelt.", "40 Journalisten", None),
    # src25: who corrects a count states the new one (lang/de reporting_verbs: korrigieren)
    ("Das Gesundheitsamt korrigierte die Zahl der Infizierten auf 212.", "212", "Gesundheitsamt"),
    # review src25 guard: 'korrigieren' reports only of a report or count as its object (lang/de report_object_verbs)
    ("Der Orthopäde korrigierte im vergangenen Jahr bei 30 Patienten eine Fehlstellung der Wirbelsäule.",
     "30 Patienten", None),
])
def test_a_corrected_report_speaks_for_its_owner(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_an_initialism_takes_the_name_spelt_out_before(nlp):
    # src25: 'HRW' after 'Human Rights Watch' (figures._spelt_out): the organisation as the article introduced it
    text = ("Die Organisation Human Rights Watch verurteilte die Festnahmen. Nach Angaben von HRW sitzen 40 "
            "Journalisten in Haft.")
    assert name_of(nlp, text, "40 Journalisten") == "Human Rights Watch"


def test_an_initialism_is_no_person_s_name_spelt_out_before(nlp):
    # review src25: a person (named after a role) whose initials match the initialism does not spell it out ('EU'
    # after 'Erik Ullmann', figures._spelt_out)
    text = ("Der Agrarminister Erik Ullmann besuchte am Montag einen Hof in Brandenburg. Nach Angaben der EU erhalten "
            "dort 300 Betriebe Fördergeld.")
    assert name_of(nlp, text, "300 Betriebe") == "EU"


def test_a_plural_pronoun_stands_for_the_nearest_plural_subject(nlp):
    # src25: 'Ihnen zufolge' is plural by its form: not the singular person before, the nearest plural subject
    # (sources.resolve_pronoun, _agreeing_subject)
    text = ("Der Landrat besuchte das Heim. Die Stadtwerke stellten ihre neuen Tabellen vor. Ihnen zufolge fehlen in "
            "der Stadt 120 Wohnungen.")
    assert name_of(nlp, text, "120 Wohnungen") == "Stadtwerke"


def test_a_plural_pronoun_keeps_the_speaker_over_a_plural_subject_between(nlp):
    # review src25 (integrator): 'Ihnen zufolge' after a speaker stays with that speaker, not the nearest plural
    # subject of a sentence that only tells what happened (the dative override tried in src25 took 'Beschäftigte')
    text = ("Die Gewerkschaften kritisierten am Dienstag die Pläne des Konzerns. Viele Beschäftigte legten daraufhin "
            "die Arbeit nieder. Ihnen zufolge fehlen in den Werken 400 Stellen.")
    assert name_of(nlp, text, "400 Stellen") == "Gewerkschaften"


def test_demnach_opening_a_paragraph_points_to_the_paragraph_before(nlp):
    # src25: 'demnach' in a paragraph's first sentence reaches the last sentence before the break (figures._chain);
    # guard: without it the paragraph break ends the report
    text = ("Wohnungsnot in der Stadt\n\nLaut einer neuen Tabelle der Stadtwerke fehlen in der Stadt 120 Wohnungen.\n\n"
            "Auch die Zahl der Obdachlosen stieg demnach auf 300.")
    assert name_of(nlp, text, "300", title=True) == "neuen Tabelle der Stadtwerke"
    assert name_of(nlp, text.replace(" demnach", ""), "300", title=True) is None


def test_a_compound_whose_first_part_names_no_one_stays_as_written(nlp):
    # src25: 'End|ergebnis' - 'end' is no noun or name by the lexicon: not the source 'End', the report as written
    # (cues.compound_names_source, sources._name); 'Firmenangaben' keeps its first part
    assert name_of(nlp, "Laut vorläufigem Endergebnis kam die Liste der Grünen auf 1.200 Stimmen.", "1.200") \
        == "vorläufigem Endergebnis"
    assert name_of(nlp, "Laut Firmenangaben arbeiten 400 Menschen im Werk.", "400") == "Firmen"


@pytest.mark.parametrize("text,figure,name", [
    # src26: a person's initials are no initialism the article spelt out - news copy shortens bodies, not persons
    # (figures._body_name: the NER's PER stands, no role before it needed)
    ("Stefan Hollerbach verhandelte lange mit der Regierung. Der Vertrag koste 80 Millionen Euro, berichtete SH am "
     "Montag.", "80 Millionen Euro", "SH"),
    # src26: a name the NER calls a person is a body's where the article gives the initialism in brackets after it
    ("Global Rights Watch (GRW) verurteilte die Urteile. Nach Angaben von GRW sitzen 60 Anwälte in Haft.",
     "60 Anwälte", "Global Rights Watch"),
])
def test_an_initialism_spells_out_a_body_s_name_only(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_das_pointing_back_with_the_subject_set_off_by_a_time(nlp):
    # src26: 'Das bestätigte gestern, Dienstag, die Stadtverwaltung': after the time between commas the parser hangs
    # the subject as the verb's apposition or oblique; a bare nominative is the subject (figures._bare_nominative)
    text = ("Die Stadt hat 300 Wohnungen gebaut. Das bestätigte gestern, Dienstag, die Stadtverwaltung in einer "
            "Aussendung.")
    assert name_of(nlp, text, "300 Wohnungen") == "Stadtverwaltung"


def test_a_pronoun_in_a_subordinate_clause_stands_for_its_main_clause_s_speaker(nlp):
    # src26: 'nachdem er berichtet hatte' - the one noun of the clause it hangs from that agrees and can speak, not the
    # last speaker before (sources._main_clause_antecedent)
    text = ("Der Minister sprach vor der Presse. Der Sender wurde geschlossen, nachdem er berichtet hatte, dass 300 "
            "Beamte bestochen worden seien.")
    assert name_of(nlp, text, "300 Beamte") == "Sender"


def test_a_pronoun_in_a_subordinate_clause_with_two_agreeing_nouns_is_left_alone(nlp):
    # src26 guard: two nouns of the main clause agree - no antecedent there (sources._main_clause_antecedent)
    from lagebild.extract.attribution.sources import _main_clause_antecedent

    doc = nlp("Die Ministerin entließ die Sprecherin, nachdem sie berichtet hatte, dass 300 Beamte fehlten.")
    pron = next(t for t in doc if t.lower_ == "sie")
    assert _main_clause_antecedent(pron) is None


@pytest.mark.parametrize("text,name", [
    # rv82: 'er' stands for a masculine noun only - a neuter body of the main clause ('das Gericht') is no antecedent,
    # the speaker before the sentence stays (sources._main_clause_antecedent)
    ("Der Präsident sprach im Parlament. Das Gericht vertagte die Verhandlung, weil er betont hatte, dass 300 Akten "
     "fehlten.", "Präsident"),
    # rv82: and beside a neuter subject the one masculine noun of the main clause is the antecedent
    ("Das Innenministerium kritisierte den Polizeichef, nachdem er gesagt hatte, dass 300 Beamte fehlten.",
     "Polizeichef"),
])
def test_er_in_a_subordinate_clause_stands_for_no_neuter_noun(nlp, text, name):
    assert name_of(nlp, text, "300") == name


@pytest.mark.parametrize("text,figure,name", [
    # src26: in a 'wie' clause a 'dass' clause after 'hervorgeht' is the content of the 'aus' noun - a fact, no text
    # that reports (quotations.fact_with_content)
    ("Die Firma ist in Not, wie aus der Tatsache hervorgeht, dass sie 300 Mitarbeiter entlassen hat.",
     "300 Mitarbeiter", None),
    # guard: a text's 'wie ... hervorgeht' still reports
    ("Die Firma entlässt 300 Mitarbeiter, wie aus einem Schreiben der Gewerkschaft hervorgeht.", "300 Mitarbeiter",
     "Schreiben der Gewerkschaft"),
])
def test_wie_aus_einer_tatsache_hervorgeht_names_no_text(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_a_compound_of_gesamt_names_no_one(nlp):
    # src26: 'gesamt' ends in 'amt' but the lexicon reads it as no noun (speakers.speaking_noun; the word rules'
    # compounds: cues.first_part_names_source in legacy._head_source)
    from lagebild.extract.attribution.speakers import speaking_noun

    assert not speaking_noun("gesamt") and speaking_noun("zollamt")
    assert name_of(nlp, "Den Gesamtangaben zufolge wurden 300 Häuser zerstört.", "300") != "Gesamt"


@pytest.mark.parametrize("text,figure,name", [
    # src26: a report presented ('veröffentlicht') is not moved to a figure: its 'auf' phrase is where or in what it
    # stands (figures._owned_report)
    ("Die Studie des Instituts wurde auf 200 Seiten veröffentlicht.", "200 Seiten", None),
    # guard: a report moved to a figure still speaks for its owner
    ("Die Prognose des Verbands wurde auf 2,1 Prozent gesenkt.", "2,1 Prozent", "Verband"),
])
def test_a_report_presented_is_not_moved_to_a_figure(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_a_title_of_people_nouns_alike_in_both_numbers(nlp):
    # src26: 'Techniker ohne Grenzen teilte mit': a bare noun of people whose plural looks like its singular, with an
    # attribute and a singular verb, is a body's title (sources._title_of_common_nouns)
    text = "Techniker ohne Grenzen teilte am Montag mit, 200 Brunnen seien gebohrt worden."
    assert name_of(nlp, text, "200 Brunnen") == "Techniker ohne Grenzen"


@pytest.mark.parametrize("text,name", [
    # src26: 'wären' as the perfect's auxiliary stands for Konjunktiv I as 'hätten' does (cues.perfect_auxiliary), and
    # Konjunktiv II goes on with the Konjunktiv I run right before it, through that run's source (figures._chain)
    ("Die Bürgermeisterin sprach vor dem Gemeinderat. Die Brücke sei marode. Im Vorjahr wären trotzdem 3.000 "
     "Lastwagen darüber gefahren.", "Bürgermeisterin"),
    # guard: after the reporter's indicative no run goes on
    ("Die Bürgermeisterin sprach vor dem Gemeinderat. Die Brücke ist marode. Im Vorjahr wären trotzdem 3.000 "
     "Lastwagen darüber gefahren.", None),
    # guard: 'wären' as a copula ('wären es ... gewesen') is a hypothesis, no Konjunktiv I's stand-in
    ("Die Bürgermeisterin sprach vor dem Gemeinderat. Die Brücke sei marode, sagte sie. Ohne die Sperre wären es "
     "3.000 Lastwagen gewesen.", None),
])
def test_waeren_as_the_perfect_s_auxiliary_goes_on_with_reported_speech(nlp, text, name):
    assert name_of(nlp, text, "3.000 Lastwagen") == name


@pytest.mark.parametrize("text,figure,name", [
    # src26: 'schließen' reports only through a clause of what is concluded (lang/de reporting_clause_verbs,
    # cues._wants_its_clause): to close a thing reports nothing, and what is closed is no speaker
    ("Die Firma entlässt 300 Mitarbeiter, weil das Werk schließt.", "300 Mitarbeiter", None),
    ("Die Behörde schloss am Montag 30 Schulen.", "30 Schulen", None),
    # guards: a clause concluded or closed by the speaker still reports
    ("Die Forscher schließen daraus, dass 300 Arten bedroht sind.", "300 Arten", "Forscher"),
    ("Das Budget reiche für 40 Schulen, schloss der Bürgermeister.", "40 Schulen", "Bürgermeister"),
])
def test_schliessen_reports_only_through_a_clause(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # rv82: 'schließen' hung under another clause reports only as the inserted verb that opens its clause ('..., schloss
    # er'); closing in a 'dass' clause or a clause with its subject before it names the speaker of the verb above or
    # no one (cues._wants_its_clause)
    ("Der Sprecher kündigte an, dass die Reederei drei Häfen mit 300 Mitarbeitern schließt.", "300 Mitarbeitern",
     "Sprecher"),
    ("Die Gewerkschaft befürchtet, dass der Konzern 40 Filialen schließt.", "40 Filialen", "Gewerkschaft"),
    ("Die Filiale bleibt offen, die Bank schließt dafür 40 andere Standorte.", "40 andere Standorte", None),
])
def test_schliessen_in_a_clause_of_its_own_closes(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_a_main_clause_hung_as_subordinate_is_out_of_the_scope_of_laut(nlp):
    # src26: '..., auch zwölf Fässer seien ... gemeldet worden' - a clause with its own subject after a comma that the
    # parser hangs as relative (no relative pronoun) or adverbial (no conjunction, a finite verb) is a main clause:
    # not in the 'laut X' phrase's scope (quotations.hung_main_clause), Konjunktiv I there goes on with the speaker
    text = ("Die Mängel seien gravierend, so der Prüfer Max Huber. Nicht nur, dass die Deponie laut amtlichem "
            "Messprotokoll nun um 40 Tonnen mehr lagert als gemäß der Genehmigung, auch zwölf Fässer seien als dicht "
            "gemeldet worden, obwohl die Prüfung gefehlt habe.")
    assert name_of(nlp, text, "zwölf Fässer") == "Max Huber"
    assert name_of(nlp, text, "40 Tonnen") == "amtlichem Messprotokoll"


def test_a_phrase_of_the_main_clause_reaches_a_clause_hung_under_it(nlp):
    # mend26: 'Nach Angaben der Stadt ...' hangs from the sentence's root; the parser hangs the next clause as relative
    # under a noun (quotations.hung_main_clause) - the phrase of the main clause still reaches it (figures._beyond_phrase)
    text = ("Laut Polizei wurden bei den Protesten 18 Menschen festgenommen, sieben Beamte erlitten Verletzungen. "
            "Nach Angaben der Gemeinde brannten 14 Container, die Feuerwehr löschte 5 Brände.")
    assert name_of(nlp, text, "5 Brände") == "Gemeinde"


def test_an_adverb_the_parser_hung_as_a_particle_leaves_the_reporting_verb(nlp):
    # src27: 'erklärte ... hingegen, ...' - the parser may hang a connective adverb standing last in the clause as
    # the verb's particle ('hingegenerklären'); a function word tagged an adverb and no verb prefix is none
    # (cues.particle): the verb reports, its subject is the source
    text = "Die Gewerkschaft erklärte heute hingegen, bei dem Streik hätten sich 4.000 Beschäftigte beteiligt."
    assert name_of(nlp, text, "4.000") == "Gewerkschaft"


def test_a_connective_adverb_is_no_verb_particle(nlp):
    from lagebild.extract.attribution import cues

    doc = nlp("Der Verband erklärte hingegen, die Lage sei ruhig.")
    verb = next(t for t in doc if t.lower_ == "erklärte")
    assert cues.full_lemma(verb) == "erklären"
    doc = nlp("Der Verband teilte am Montag mit, die Lage sei ruhig.")
    verb = next(t for t in doc if t.lower_ == "teilte")
    assert cues.full_lemma(verb) == "mitteilen"


@pytest.mark.parametrize("text,figure,name", [
    # src27: a body whose name is made of common words stands in quotation marks from its first word to its last:
    # the quotes hold its name (sources._quoted_title), not the head noun's lemma or the last name inside it
    ("Die „Aktion Saubere Luft“ zählte am Samstag 3.000 Demonstranten.", "3.000", "Aktion Saubere Luft"),
    ("Die „Initiative für ein Freies Oberland“ berichtete von 250 Teilnehmern.", "250",
     "Initiative für ein Freies Oberland"),
])
def test_a_body_named_in_quotation_marks_keeps_its_whole_name(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # src27: the gazetteer knows places spelt like these agencies; a name the outlet lists know (sources.outlet_name)
    # or a name in apposition to a noun naming an outlet (sources.media_noun) is the outlet's title, and it speaks
    ("Die Zahl der Verletzten bezifferte die staatliche Nachrichtenagentur Xinhua am Dienstag mit 45.", "45",
     "Xinhua"),
    ("Wie die amtliche Nachrichtenagentur Sana meldete, wurden 30 Soldaten getötet.", "30 Soldaten", "Sana"),
    ("Die staatliche Nachrichtenagentur Mena meldete am Abend 14 Tote.", "14 Tote", "Mena"),
])
def test_an_agency_named_in_apposition_is_no_place_of_its_spelling(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_reported_speech_naming_no_one_holds_the_chain_open(nlp):
    # src27: a sentence that reports without naming who (Konjunktiv I, an agentless passive report: 'wurde mit 90
    # angegeben') is the run's own - no sentence of the reporter's, and it reaches one sentence further back
    # (figures._chain): the run goes back over the one sentence of the reporter's own to the agency
    from lagebild.extract.attribution import FIGURE_STATS

    text = ("Die Agentur Reuters bezifferte die Zahl der Toten am Abend mit 17. Die Regierung verhängte eine "
            "Ausgangssperre. Bei den Kämpfen seien 40 Soldaten verletzt worden. Die Zahl der zerstörten Häuser wurde "
            "mit 90 angegeben. Zudem seien 25 Autos ausgebrannt.")
    before = FIGURE_STATS["trained component's quotation"]
    assert name_of(nlp, text, "25 Autos") == "Reuters"
    assert FIGURE_STATS["trained component's quotation"] == before     # by the chain, not the trained fallback


def test_konjunktiv_i_after_a_first_phrase_with_no_verb_is_a_main_clause(nlp):
    # src27: 'Die Toten, vor allem Fischer, seien ertrunken' - the parser may read the apposition's commas as opening
    # a relative clause and hang 'seien ertrunken' under it; a finite verb with only a verbless phrase before it is
    # the main clause's (figures._first_finite). A parse made by hand, as the parser gave it after a sentence it did
    # not end ('... mit 13. Die Toten, ...')
    from spacy.tokens import Doc

    from lagebild.extract.attribution import figures

    words = ["Die", "Toten", ",", "vor", "allem", "Fischer", ",", "seien", "ertrunken", "."]
    heads = [1, 1, 5, 5, 5, 1, 8, 8, 5, 1]
    deps = ["det", "ROOT", "punct", "case", "det", "appos", "punct", "aux", "acl:relcl", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "ADP", "DET", "NOUN", "PUNCT", "AUX", "VERB", "PUNCT"]
    tags = ["ART", "NN", "$,", "APPR", "PIS", "NN", "$,", "VAFIN", "VVPP", "$."]
    morphs = [""] * 7 + ["Mood=Sub|Number=Plur|Person=3|Tense=Pres", "VerbForm=Part", ""]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, morphs=morphs,
              lemmas=["der", "Tote", ",", "vor", "alle", "Fischer", ",", "sein", "ertrinken", "."])
    assert figures.reported(doc[:])
    # a condition opening the sentence with its verb first is not
    words = ["Seien", "die", "Zahlen", "richtig", ",", "dann", "wächst", "die", "Not", "."]
    heads = [6, 2, 0, 0, 6, 6, 6, 8, 6, 6]
    deps = ["advcl", "det", "nsubj", "xcomp", "punct", "advmod", "ROOT", "det", "nsubj", "punct"]
    pos = ["AUX", "DET", "NOUN", "ADJ", "PUNCT", "ADV", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["VAFIN", "ART", "NN", "ADJD", "$,", "ADV", "VVFIN", "ART", "NN", "$."]
    morphs = ["Mood=Sub|Number=Plur|Person=3|Tense=Pres"] + [""] * 5 + ["Mood=Ind|Number=Sing|Person=3"] + [""] * 3
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, morphs=morphs)
    assert not figures.reported(doc[:])


def test_a_run_broken_by_the_reporter_right_before_the_figure_keeps_the_plain_reach(nlp):
    # src27: the run right before the figure holds the chain open (figures._chain); past the reporter's one sentence
    # the plain reach of three: hearsay after the reporter's new matter is not held to a speaker four sentences back
    text = ("Die Behörde nannte nur seine Initialen. Der Mann sei im Ausland ausgebildet worden. Er sei mit einem "
            "Komplizen gereist. Von dort sei er weiter nach Süden gefahren. Nach dem Anschlag führten viele Spuren "
            "in die Hafenstadt. Mindestens zwei der Täter sollen dort 3 Wohnungen gemietet haben.")
    assert name_of(nlp, text, "3 Wohnungen") is None


def test_a_report_named_two_sentences_after_the_sentence_its_dateline_opens(nlp):
    # src27: the sentence the dateline opens ('Linz – ...') is the first of the report's body, whatever teaser stands
    # before it in the same paragraph: 'Das teilte X mit' two sentences later points back over the background
    # between to it (figures._anaphoric_next, _opens_with_dateline)
    text = ("Hohe Strafe für Möbelkette wegen Absprachen. Linz – Das Landesgericht hat über die Möbelkette eine Buße "
            "von 320.000 Euro verhängt. Die Firmen hatten mit Lieferanten Preise abgesprochen. Das teilte am Montag "
            "die Wettbewerbsbehörde mit. Das Urteil ist rechtskräftig.")
    assert name_of(nlp, text, "320.000") == "Wettbewerbsbehörde"


def test_the_opposition_speaks_in_a_gapped_clause(nlp):
    # src27: 'die Opposition' is a body that speaks (lang/de speaking_nouns): a verbless clause after a report that
    # it opens has it for its source (figures._gapped)
    text = "Das Innenministerium sprach von 1.200 Festnahmen, die Opposition von 3.000."
    assert name_of(nlp, text, "3.000") == "Opposition"


@pytest.mark.parametrize("text,figure,name,relay", [
    # src27: an outlet named by a noun of its kind ('die Zeitung „X“', sources.media_noun) relays what it cites
    ("Die Zeitung „Nowosti Wolgi“ berichtet unter Berufung auf Militärkreise von 120 Panzern.", "120 Panzern",
     "Militärkreise", "Nowosti Wolgi"),
    # a title of several words in quotes is an outlet ('New' hangs under 'York', figures._title_in_quotes), and
    # 'unter Berufung auf X' before the comma that opens the reported clause is the reporting verb's, wherever the
    # parser hung it (figures._berufung)
    ("Die „New York Herald“ berichtete unter Berufung auf Geheimdienstkreise, 200 Kämpfer seien getötet worden.",
     "200 Kämpfer", "Geheimdienstkreise", "New York Herald"),
])
def test_an_outlet_citing_unter_berufung_auf_relays(nlp, text, figure, name, relay):
    src = source_of(nlp, text, figure)
    assert src is not None and (src.name, src.relayed_by) == (name, relay)


@pytest.mark.parametrize("text,figure,name", [
    # src27: an article inside a title's quotation marks is the title's own (sources._name_tokens): 'Le Monde'
    ("Wie die Zeitung „Le Monde“ berichtet, sollen 14 Diplomaten ausgewiesen werden.", "14 Diplomaten", "Le Monde"),
    ("Die spanische Zeitung „El País“ meldete 30 Festnahmen.", "30 Festnahmen", "El País"),
    ("Der Sender CNN meldete 40 Tote.", "40 Tote", "CNN"),       # the sentence's article stays out
])
def test_an_article_inside_a_titles_quotation_marks_is_the_titles(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name

def test_sollen_of_a_plan_does_not_hold_the_chain_open(nlp):
    # review of src27: 'sollen' with a present infinitive ('soll im Mai beginnen') is a plan as often as hearsay; a run
    # of plans after a report is the reporter's own telling and does not carry the report's source four sentences on
    # (figures._reported_unnamed: only hearsay of the past - 'soll ... gewesen sein' - holds the chain open)
    text = ("Das Ministerium nannte 500 Fälle. Die Impfkampagne soll im Mai beginnen. Das Land soll dafür Geld vom "
            "Bund bekommen. Die Kliniken sollen mehr Personal erhalten. Der Landtag soll 80 Millionen Euro bewilligen.")
    assert name_of(nlp, text, "80 Millionen") is None


def test_hearsay_of_the_past_holds_the_chain_open(nlp):
    # review of src27: 'soll ... gewesen sein', 'soll sich ... ausgebreitet haben': hearsay of what happened, the
    # run's own (figures._reported_unnamed)
    text = ("Die Feuerwehr meldete 3 Verletzte. Die Ursache des Brandes soll ein defektes Kabel gewesen sein. Der "
            "Brand soll sich schnell ausgebreitet haben. Der Schaden wurde auf 200.000 Euro geschätzt.")
    assert name_of(nlp, text, "200.000") == "Feuerwehr"


def test_a_pronominal_adverb_hung_as_a_particle_leaves_the_reporting_verb(nlp):
    # src28: 'nannte ... dafür, dass ...' - the parser may hang the pronominal adverb that points to the 'dass' clause
    # as the verb's particle ('dafürnennen'); a pronominal adverb is never a verb particle (cues.particle): 'nennen'
    # reports, its subject is the source of the figure it names
    from lagebild.extract.attribution import cues

    text = "Die Gewerkschaft nannte am Montag fünf Forderungen dafür, dass der Streik beendet wird."
    assert name_of(nlp, text, "fünf Forderungen") == "Gewerkschaft"
    doc = nlp(text)
    verb = next(t for t in doc if t.lower_ == "nannte")
    assert cues.full_lemma(verb) == "nennen"


def test_a_name_in_quotation_marks_after_an_article_is_no_quotation(nlp):
    # src28: 'Paul Weber von der „Aktion Nachbarn helfen“': marks an article opens hold a name, not words someone
    # said - no quotation carried from the speaker of the sentence before (speakers.name_under_article)
    from lagebild.extract.attribution import quotations

    text = ("„Die Lage ist dramatisch“, sagte die Sprecherin Anna Berger. Der Helfer Paul Weber von der „Aktion "
            "Nachbarn helfen“ sagte, es sei viel getan worden.")
    doc = nlp(text)
    quoted = [doc.text[a:b] for q in quotations(doc) for a, b in q.quote]
    assert "„Aktion Nachbarn helfen“" not in quoted


def test_the_subject_the_parser_gave_a_quoted_name_speaks(nlp):
    # src28: 'Maria Schmid von der „Initiative Bürger packen an“ sagte, ...': the parser reads the verb in the quoted
    # name as a clause and hangs the speaker on it; the reporting verb after the marks gets that subject back
    # (speakers._lent_to_a_quoted_name) - the reported speech after it is hers, not the speaker's before her
    text = ("„Wir sind am Limit“, erklärte der Einsatzleiter Karl Huber. Auch Maria Schmid von der „Initiative Bürger "
            "packen an“ sagte, die Lage sei ernst. Inzwischen seien 120 Zelte aufgebaut worden.")
    assert name_of(nlp, text, "120 Zelte") == "Maria Schmid"


def test_the_lead_a_headline_ending_in_a_year_runs_into_is_no_headline(nlp):
    # src28: the parser may run a headline ending in a year into the lead ('... bis 2013. Linz – Das Gericht ...');
    # the claims' sentences are cut where the article's title ends (claims._at_title_end), so the lead's figure is
    # no headline figure and the report named two sentences after it is its source
    text = ("Fast eine Million Euro Strafe für Absprachen zwischen 2010 und 2013. Linz – Das Landesgericht hat über "
            "die Firma Muster eine Strafe in der Höhe von 900.000 Euro verhängt. Die Firma hatte mit Händlern Preise "
            "abgesprochen. Das teilte die Wettbewerbsbehörde am Montag mit.")
    doc = nlp.make_doc(text)
    doc._.article_id = "t.txt"
    doc._.title_end = text.index(" Linz")
    c = next(c for c in nlp(doc)._.claims if c.text.startswith("900.000"))
    assert c.source == "Wettbewerbsbehörde"


def test_a_title_the_text_only_begins_with_cuts_no_word(nlp):
    # rv94: a title that is no more than the start of the text's first words ('Hochwasser in Linz' before 'Hochwasser
    # in Linzer Altstadt') ends no word there: claims._at_title_end cuts only between words
    from lagebild.extract.claims import split_units

    text = "Hochwasser in Linzer Altstadt: 300 Menschen in Sicherheit gebracht. Die Feuerwehr war mit 80 Mann da."
    doc = nlp.make_doc(text)
    doc._.article_id = "t.txt"
    doc._.title_end = len("Hochwasser in Linz")
    doc = nlp(doc)
    assert [text[u.start:u.end] for u in split_units(doc)][0].startswith("Hochwasser in Linzer Altstadt: 300")


@pytest.mark.parametrize("text,figure,name", [
    # src28: reported speech always reports someone; with no speaker named before it in the run, the body acting in
    # the main clause of the sentence right before it is whom it reports (figures._actor_before)
    ("Die Behörde hat wegen des Hochwassers den Notstand ausgerufen. Feuerwehr und Bergwacht würden mit 300 Helfern "
     "verstärkt.", "300 Helfern", "Behörde"),
    ("Das Ministerium hat am Montag die Schließung der Schule in Linz beschlossen. Betroffen seien 450 Schüler.",
     "450 Schüler", "Ministerium"),
    # no one acts before it (a flood is no speaker), or the sentence is indicative: the article's own voice
    ("Das Hochwasser hat am Sonntag die Altstadt erreicht. Feuerwehr und Bergwacht würden mit 300 Helfern verstärkt.",
     "300 Helfern", None),
    ("Das Ministerium hat am Montag die Schließung der Schule in Linz beschlossen. Betroffen sind 450 Schüler.",
     "450 Schüler", None),
])
def test_reported_speech_after_a_body_acting_reports_that_body(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # src28: a run of reported speech naming no one reports the one acting right before the run (an unknown name
    # the NER gave no type counts, a place does not) - figures._actor_before
    ("Neben den Löhnen macht Gewerkschaftschef Brandl noch ein drittes Problem aus. Es sei keineswegs so, dass alle "
     "Betriebe pünktlich zahlten. Die Lage sei ernst. Zuletzt seien 40 Betriebe in Konkurs gegangen.",
     "40 Betriebe", "Brandl"),
    ("Neben den Löhnen gibt es noch ein drittes Problem. Es sei keineswegs so, dass alle Betriebe pünktlich zahlten. "
     "Die Lage sei ernst. Zuletzt seien 40 Betriebe in Konkurs gegangen.", "40 Betriebe", None),
    # Konjunktiv II after a Konjunktiv I sentence that holds a conditional in Konjunktiv II goes on with its run
    ("Neben den Löhnen macht Gewerkschaftschef Brandl noch ein drittes Problem aus. Es sei keineswegs so, dass alle "
     "Betriebe pünktlich zahlten. Österreich liege vorne: Hätten die Nachbarn so viel investiert, wären es 300 "
     "Betriebe gewesen. Tatsächlich wären aber nur 120 Betriebe gegründet worden.", "120 Betriebe", "Brandl"),
    # a condition in 'sollten' reports no one: the body acting before it is not its source
    ("Da es keine Reserven gibt, verliert dann auch die Regierung das Geld. Sollten mindestens zehn Prozent der "
     "Mittel fehlen, muss neu verhandelt werden.", "zehn Prozent", None),
])
def test_reported_speech_naming_no_one_after_someone_acting(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,actor", [
    # rv94: reported speech whose own subject is another party doing something tells what that party did - the one
    # acting in the sentence before is the other side, not who reports it (figures._another_party_acts): the
    # actor-before rule leaves it to the rules after it
    ("Die Stadtregierung hat die Gebühren erhöht. Die Opposition habe 4.000 Unterschriften dagegen gesammelt.",
     "4.000 Unterschriften", "Stadtregierung"),
    ("Der Bundeskanzler traf am Montag den französischen Präsidenten. Frankreich werde 5.000 Soldaten schicken.",
     "5.000 Soldaten", "Bundeskanzler"),
    ("Trump hat die Zölle erhöht. China habe mit Gegenzöllen von 34 Prozent reagiert.", "34 Prozent", "Trump"),
])
def test_reported_speech_of_another_party_acting_is_not_the_actor_befores(nlp, text, figure, actor):
    assert name_of(nlp, text, figure) != actor


def test_reported_speech_of_the_actor_itself_is_the_actor_befores(nlp):
    # rv94: the same party named again as the reported sentence's subject: the actor before still reports
    text = "Das Ministerium hat den Notstand ausgerufen. Das Ministerium habe 300 Helfer angefordert."
    assert name_of(nlp, text, "300 Helfer") == "Ministerium"


@pytest.mark.parametrize("text,figure,name", [
    # rv94: 'werde ... aufgestockt' is the passive even where the parser hangs its subject as an active one
    # (nsubj, aux): the police undergo it, they do not act - the actor before still reports
    ("Die Landesregierung hat den Katastrophenfall ausgerufen. Die Polizei werde um 800 Beamte aufgestockt.",
     "800 Beamte", "Landesregierung"),
    # the same where the tagger reads the participle that looks finite ('verstärkt') as a finite verb
    ("Die Regierung hat am Montag den Ausnahmezustand verhängt. Armee und Polizei würden an der Grenze um 2.000 Mann "
     "verstärkt.", "2.000 Mann", "Regierung"),
])
def test_reported_speech_in_the_passive_is_no_act_of_its_subject(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # src29: an adjective of a body's name the parser took for the phrase's head ('Roten'): the name is adjective and
    # noun, not the adjective's lemma ('Rot')
    ("Nach dem Sturm wurden 2.000 Menschen nach Angaben des Roten Kreuzes obdachlos.", "2.000 Menschen", "Roten Kreuzes"),
    # rv102: another body of this build, another sentence
    ("Nach Angaben des Roten Halbmonds starben bei dem Beben 70 Menschen.", "70 Menschen", "Roten Halbmonds"),
])
def test_an_adjective_read_as_the_head_keeps_its_noun(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


def test_ihnen_zufolge_cites_the_document_the_sentence_before_names(nlp):
    # src29: a document (document_nouns) as the subject of the sentence before is what 'ihnen zufolge' cites, not
    # the last speaker before it
    text = ("Die Wähler wollen wissen, wohin ihre Stimmen gingen. Inzwischen kursiert ein Papier. "
            "Diese Listen lassen sich nicht prüfen. Ihnen zufolge hat der Kandidat 60 Prozent erhalten.")
    assert name_of(nlp, text, "60 Prozent") == "Listen"


def test_a_clause_recorded_in_a_document_is_sourced_to_the_document(nlp):
    # src29: 'im Protokoll ist vermerkt, dass ...' (recording_verbs): the document is the source of its clause
    text = "Der Einsatz dauerte bis zum Abend. Im Einsatzprotokoll ist vermerkt, dass 40 Feuerwehrleute vor Ort waren."
    assert name_of(nlp, text, "40 Feuerwehrleute") == "Einsatzprotokoll"


@pytest.mark.parametrize("text,figure,name", [
    # src29: 'forderte zwölf Verletzte' (toll_verbs) says what the fire cost, no one demands: the 'laut' phrase is the
    # source, the casualties the parser made the subject are none
    ("Zwölf Verletzte forderte am Abend laut Polizeiangaben ein Brand in einem Wohnhaus.", "Zwölf Verletzte", "Polizei"),
    # demanding a figure still reports
    ("Die Opfer fordern 300 Euro Entschädigung.", "300 Euro", "Opfer"),
])
def test_an_event_taking_a_toll_is_no_speaker(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # rv102: the pronoun agrees with the document in gender too - 'laut ihr' (feminine) after a masculine or neuter
    # document subject stands for the woman or body named beside it, not the document
    ("Der Bericht kritisiert die Ministerin scharf. Laut ihr sind 500 Stellen besetzt.", "500 Stellen", "Ministerin"),
    ("Die Liste wurde am Freitag veröffentlicht. Ihr zufolge sind 300 Firmen betroffen.", "300 Firmen", "Liste"),
])
def test_a_pronoun_cites_a_document_of_its_gender_only(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # rv102: counted casualties that are the subject the plural verb agrees with demand something themselves
    ("Drei Verletzte forderten am Montag eine Entschädigung von 3.000 Euro.", "3.000 Euro", "Verletzte"),
    ("Zwölf Verletzte fordern vom Veranstalter 3.000 Euro Schmerzensgeld.", "3.000 Euro", "Verletzte"),
    # a singular verb cannot agree with them: the fronted casualties are its object, the event no speaker
    ("Drei Verletzte forderte ein Unfall auf der Landstraße.", "Drei Verletzte", None),
])
def test_counted_casualties_the_verb_agrees_with_may_demand(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text,figure,name", [
    # rv102: a main clause joined to the recorded 'dass' clause (verb second: 'die Polizei nahm 30 Menschen fest') is
    # the article's own telling, not what the document records; a coordinated clause of the 'dass' clause (verb last) is
    ("Im Protokoll ist vermerkt, dass der Minister kam, und die Polizei nahm 30 Menschen fest.", "30 Menschen", None),
    ("Im Protokoll ist vermerkt, dass der Minister kam und 30 Menschen verletzt wurden.", "30 Menschen", "Protokoll"),
])
def test_a_main_clause_beside_a_recorded_clause_is_not_recorded(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


# session 30 (src30): causes of the sources30 tune half, each tested on a sentence of another text

def test_an_interview_answer_is_the_answerers(nlp):
    text = ("Die Ökonomin Maria Berger erklärt die Lage am Wohnungsmarkt. KURIER: Wie teuer ist Wohnen in Graz "
            "geworden? Berger: Die Mieten sind stark gestiegen. Heute zahlt man dort im Schnitt zwölf Euro pro "
            "Quadratmeter. KURIER: Und auf dem Land? Berger: Dort sind es etwa acht Euro.")
    assert name_of(nlp, text, "zwölf Euro") == "Berger"
    assert name_of(nlp, text, "acht Euro") == "Berger"


def test_a_single_label_before_a_colon_is_no_interview(nlp):
    text = ("Die Gemeinde hat gewählt. Fazit: Die Liste kam auf 40 Prozent der Stimmen. Im Vorjahr waren es "
            "35 Prozent.")
    assert name_of(nlp, text, "40 Prozent") is None


def test_a_konjunktiv_i_verb_read_as_indicative_frames_no_report(nlp):
    # "verfüge" (the tagger: indicative past) is itself reported, its subject no speaker of the clause after it
    text = ("Die Forscherin ist zufrieden, sagt die Leiterin Eva Brandl. Die Batterie liefere viel Energie: Derzeit "
            "verfüge der Roboter über 30 Watt, für den Funk seien 12 Watt nötig.")
    assert name_of(nlp, text, "30 Watt") == "Eva Brandl"


def test_ausgehen_reports_only_with_von(nlp):
    text = ("Eine landesweite Regelung dürfte sich heuer schwer ausgehen – dafür müssen die Gemeinden 70 Prozent "
            "der Stimmen erreichen.")
    assert name_of(nlp, text, "70 Prozent") is None
    assert name_of(nlp, "Die Feuerwehr geht von 40 Verletzten aus.", "40 Verletzten") == "Feuerwehr"


def test_a_pronoun_speaker_without_quotation_is_the_speaker_before(nlp):
    text = ("Beim Preis von Getreide rechnet Anna Keller von der Universität für Bodenkultur Wien mit einem Anstieg "
            "von zehn Prozent. Wieso? Sie erklärt es am Beispiel Weizen. In Europa sei die Ernte um 15 Prozent "
            "gesunken.")
    assert name_of(nlp, text, "15 Prozent") == "Anna Keller"


def test_a_lead_is_not_carried_past_a_party_acting_between(nlp):
    text = ("Die Radiobranche streitet über Zahlen. Der Sender kam laut der Rundfunkbehörde im Mai auf 28 Prozent "
            "der Hörer. Der Verband der Privatsender behält sich rechtliche Schritte vor. Ärgerlich ist diese "
            "Entwicklung für die Agentur von Lena Graf, die 12 Millionen Euro im Jahr bewegt.")
    assert name_of(nlp, text, "28 Prozent") == "Rundfunkbehörde"
    assert name_of(nlp, text, "12 Millionen Euro") is None


def test_a_quoted_body_name_holding_a_verb_is_the_subject_after_it(nlp):
    text = ("Die Flut hat viele Häuser zerstört. Wie die „Initiative Nachbarn packen an“ gestern mitteilte, seien "
            "bereits 3.000 Sandsäcke verteilt worden.")
    assert name_of(nlp, text, "3.000 Sandsäcke") == "Initiative Nachbarn packen an"


# review rv (src30): labels that recur before colons in a list or FAQ are no interview's speakers

@pytest.mark.parametrize("text, figure", [
    ("Frage: Wie viele Menschen sind betroffen? Antwort: Rund 40.000 Haushalte haben keinen Strom. Frage: Wann ist "
     "das vorbei? Antwort: In etwa drei Tagen soll alles repariert sein.", "40.000 Haushalte"),
    ("Montag: Die Temperaturen steigen auf 25 Grad. Dienstag: Es wird kühler. Montag: Gewitter möglich. Dienstag: "
     "Bis zu 30 Liter Regen pro Quadratmeter.", "30 Liter"),
])
def test_recurring_labels_that_name_no_person_are_no_interview(nlp, text, figure):
    assert name_of(nlp, text, figure) is None


def test_an_interview_answerer_named_only_in_the_labels(nlp):
    text = ("Wie geht es weiter mit den Preisen? Experte Huber: Die Mieten steigen um fünf Prozent. Profil: Warum? "
            "Huber: Es fehlen 20.000 Wohnungen. Profil: Und die Zinsen? Huber: Die bleiben hoch.")
    assert name_of(nlp, text, "20.000 Wohnungen") == "Huber"


def test_an_interview_answerer_whose_name_is_a_common_noun(nlp):
    # "Richter" is a common noun to the tagger and the lexicon: only the layout says it names the answerer
    text = ("Die Opposition will mehr Geld für die Schulen. NEWS: Was kostet das? Richter: Wir brauchen 400 Millionen "
            "Euro mehr. NEWS: Woher? Richter: Aus dem Budget. NEWS: Und die Lehrer? Richter: Es fehlen 2.000 Stellen.")
    assert name_of(nlp, text, "2.000 Stellen") == "Richter"


def test_a_quoted_body_name_whose_verb_looks_like_an_infinitive(nlp):
    # the plural present ("fragen") has the infinitive's form, and the tagger may read it so
    text = "Wie die „Aktion Bürger fragen nach“ nun berichtete, haben 5.000 Menschen unterschrieben."
    assert name_of(nlp, text, "5.000 Menschen") == "Aktion Bürger fragen nach"


@pytest.mark.parametrize("text, figure, name", [
    # other stories than the one that prompted the list: a budget, a building's cost, a fronted 'von' phrase
    ("Ob sich das Budget von 20 Millionen Euro ausgeht, ist offen.", "20 Millionen Euro", None),
    ("Der Umbau wird sich mit 12 Millionen Euro nicht ausgehen.", "12 Millionen Euro", None),
    ("Von einer Verdopplung auf 2.000 Fälle gehen die Experten aus.", "2.000 Fälle", "Experten"),
])
def test_ausgehen_without_its_von_phrase_reports_nothing(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


# session 31 (src31): a plan's proposer, a summing-up report after the sentences it sums up, a lead stopped by a party
# acting between; and the rules of session 30 on sentences of other structure (rv110: other verbs, order, passive,
# relative clause)

def test_a_plan_or_proposal_is_its_proposers(nlp):
    assert name_of(nlp, "Die Gewerkschaft möchte die Löhne um fünf Prozent erhöhen.", "fünf Prozent") == "Gewerkschaft"
    assert name_of(nlp, "Die Landesregierung will bis 2030 rund 40 Windräder errichten.", "40 Windräder") \
        == "Landesregierung"
    assert name_of(nlp, "Die Regierung beabsichtigt, 300 neue Wohnungen zu bauen.", "300 neue Wohnungen") == "Regierung"


def test_no_proposer_without_a_party_wanting_it(nlp):
    assert name_of(nlp, "Die Preise würden um fünf Prozent steigen.", "fünf Prozent") is None   # no one proposes
    assert name_of(nlp, "500 Helfer wollen am Sonntag kommen.", "500 Helfer") is None           # the figure is who
    assert name_of(nlp, "Die Polizei nahm 30 Menschen fest.", "30 Menschen") is None            # an act, no plan
    # Konjunktiv II of "werden" is a hypothesis, no plan
    assert name_of(nlp, "Als Vorsitzendem würden ihm nur 18 Prozent der Mitglieder vertrauen.", "18 Prozent") is None


def test_a_plan_in_reported_speech_is_the_reporters(nlp):
    text = "Der Minister sagte, es gebe Probleme. Die Regierung wolle 500 Soldaten schicken."
    assert name_of(nlp, text, "500 Soldaten") == "Minister"


def test_a_report_summing_up_the_sentences_before_is_their_source(nlp):
    text = ("Die Einkommensteuer soll um zwei Prozent sinken. Zudem sind 300 neue Stellen bei der Polizei geplant. "
            "Finanzministerin Anna Berger skizzierte derart am Montag in Linz das Programm der Regierung.")
    assert name_of(nlp, text, "zwei Prozent") == "Anna Berger"
    assert name_of(nlp, text, "300 neue Stellen") == "Anna Berger"
    fronted = ("Die Einkommensteuer soll um zwei Prozent sinken. Zudem sind 300 neue Stellen bei der Polizei geplant. "
               "Dergestalt umriss der Parteichef am Montag sein Programm.")
    assert name_of(nlp, fronted, "300 neue Stellen") == "Parteichef"


def test_a_summing_up_report_does_not_reach_past_another_source(nlp):
    text = ("Die Einkommensteuer soll um zwei Prozent sinken. Laut Polizei kamen 300 Menschen. Derart umriss der "
            "Parteichef am Montag sein Programm.")
    assert name_of(nlp, text, "zwei Prozent") is None
    assert name_of(nlp, text, "300 Menschen") == "Polizei"


def test_a_paragraph_lead_stops_at_a_party_acting_between(nlp):
    text = ("Laut den Veranstaltern kamen 3.000 Menschen zur Kundgebung. Am Abend räumte die Polizei den Platz. Bei "
            "den Protesten am Vortag waren 40 Menschen festgenommen worden.")
    assert name_of(nlp, text, "3.000 Menschen") == "Veranstalter"
    assert name_of(nlp, text, "40 Menschen") is None
    relative = ("Nach Angaben des Veranstalters kamen 5.000 Besucher zum Fest. Die Feuerwehr, die das Gelände "
                "absichert, sperrte die Innenstadt für den Verkehr. Insgesamt waren 200 Helfer im Einsatz.")
    assert name_of(nlp, relative, "200 Helfer") is None
    nothing_between = ("Laut dem Veranstalter kamen 5.000 Besucher zum Fest. Am Abend regnete es. Insgesamt waren 200 "
                       "Helfer im Einsatz.")
    assert name_of(nlp, nothing_between, "200 Helfer") == "Veranstalter"


def test_konjunktiv_i_runs_on_in_other_verbs_passive_and_relative_clause(nlp):
    text = ("Die Stadt sei gut vorbereitet, sagt Bürgermeisterin Eva Lang. Die Feuerwehr verfüge über 40 Fahrzeuge, "
            "für den Notfall stünden 300 Helfer bereit.")
    assert name_of(nlp, text, "300 Helfer") == "Eva Lang"
    passive = "Das Spital sei gerüstet, erklärt Direktor Hans Maier. Das Personal werde um 20 Stellen aufgestockt."
    assert name_of(nlp, passive, "20 Stellen") == "Hans Maier"
    relative = ("Die Schule sei zu klein, sagt der Direktor Paul Weber. Geplant sei ein Neubau, für den das Land 20 "
                "Millionen Euro zahle.")
    assert name_of(nlp, relative, "20 Millionen Euro") == "Paul Weber"


def test_a_pronoun_speaker_in_other_order_number_and_the_passive(nlp):
    inverted = ("Der Ökonom Max Bauer warnt vor steigenden Mieten. Dafür nennt er zwei Gründe. Die Zinsen seien um "
                "zwei Prozent gestiegen.")
    assert name_of(nlp, inverted, "zwei Prozent") == "Max Bauer"
    relative = ("Die Direktorin Petra Lenz, die das Museum seit 2010 leitet, ist zufrieden. Sie berichtet von 80.000 "
                "Besuchern im Jahr.")
    assert name_of(nlp, relative, "80.000 Besuchern") == "Petra Lenz"
    plural = ("Die Gewerkschaften kritisieren die Reform scharf. Sie beziffern den Verlust für jeden Beschäftigten auf "
              "300 Euro im Jahr.")
    assert name_of(nlp, plural, "300 Euro") == "Gewerkschaften"
    # the parser may label the passive's subject nsubj and its agent a plain obl: the agent speaks, not the subject
    passive = ("Die Ärztin Julia Brandt sieht die Lage gelassen. Die Zahl der belegten Betten wird von ihr mit 20 "
               "beziffert.")
    assert name_of(nlp, passive, "20") == "Julia Brandt"



def test_a_plan_asked_about_is_no_proposal(nlp):
    # rv src31: a question asks about a plan, its subject does not state it (another story, a wh-question)
    assert name_of(nlp, "Warum will die Partei die Wohnbeihilfe um 150 Euro senken?", "150 Euro") is None
    assert name_of(nlp, "Weshalb will Ihre Partei das Heeresbudget um 300 Millionen Euro kürzen?", "300 Millionen") \
        is None


def test_a_plan_put_by_the_interviewer_is_no_proposal(nlp):
    # rv src31: in a printed interview the interviewer's turn is the outlet's own words, even a plain statement of
    # the answerer's party's plan (put to the answerer); the answerer's own figures stay the answerer's
    text = ("KURIER: Wie geht es weiter? Huber: Wir prüfen alles. KURIER: In Wien will Ihre Partei die Beihilfe auf "
            "300 Euro kürzen. Ist das gerecht? Huber: Das stimmt so nicht. Es bleiben 450 Euro.")
    assert name_of(nlp, text, "300 Euro") is None
    assert name_of(nlp, text, "450 Euro") == "Huber"


@pytest.mark.parametrize("text, figure", [
    # rv src31: a headline of two passive clauses sharing one "wird": the second participle's object is what is
    # demanded or recommended, not its source (dev gnad-0557: the swap took it for the speaker)
    ("Plan wird kommende Woche den Gemeinden zugestellt, Ausbau um 40 Kilometer gefordert\n\nDas Land will das "
     "Radwegenetz erweitern.", "40 Kilometer"),
    ("Konzept wird heute den Bürgern präsentiert, Kürzung um 15 Prozent gefordert\n\nDie Stadt muss sparen.",
     "15 Prozent"),
])
def test_a_passive_conjunct_sharing_werden_takes_no_object_as_its_source(nlp, text, figure):
    assert name_of(nlp, text, figure, title=True) is None


# session 32 (src32): an attribution phrase on a verb of saying relays the verb's subject

def test_an_attribution_phrase_on_a_verb_of_saying_relays_its_subject(nlp):
    # "laut X sagte Y": Y said it, X passed it on (the relay convention of "berichtet X")
    text = "Laut dem Lokalblatt erklärte die Bürgermeisterin, dass 120 Wohnungen leer stehen."
    src = source_of(nlp, text, "120 Wohnungen")
    assert src.name == "Bürgermeisterin" and src.relayed_by == "Lokalblatt"
    after = "Der Landrat sagte nach Angaben des Senders, 40 Schulen blieben geschlossen."
    src = source_of(nlp, after, "40 Schulen")
    assert (src.name, src.relayed_by) == ("Landrat", "Sender")
    # no verb of saying: the phrase's source is the source
    assert name_of(nlp, "Laut dem Lokalblatt stehen 120 Wohnungen leer.", "120 Wohnungen") == "Lokalblatt"
    # a reflexive verb says nothing: the phrase's source stays
    assert name_of(nlp, "Nach Angaben der Zeitung hatten sich die Vorwürfe gegen den 40-jährigen Mann nicht bestätigt.",
                   "40-jährigen Mann") == "Zeitung"


def test_a_number_in_the_said_clause_leaves_the_speaker_reported(nlp):
    # review src32: the parser may hang the "dass" clause on the subject (acl:relcl); its figure is what is said, not
    # a count of the subject - only a number in the subject's own noun phrase makes it what is counted
    src = source_of(nlp, "Nach Angaben des Senders sagte die Ministerin, dass 30 Schulen geschlossen werden.",
                    "30 Schulen")
    assert (src.name, src.relayed_by) == ("Ministerin", "Sender")
    # the subject counted ("60 Prozent der Befragten") is no speaker: the phrase's source stays
    assert name_of(nlp, "Laut einer Umfrage sagen 60 Prozent der Befragten, sie seien zufrieden.",
                   "60 Prozent") == "Umfrage"


# session 33 (src33): a title abbreviation before a name ("Mag.", "DDr.") neither ends the sentence nor names the source

@pytest.mark.parametrize("text, figure, name", [
    ("Laut Mag. Karl Huber kamen 700 Menschen zur Kundgebung.", "700 Menschen", "Karl Huber"),
    ("Die Gemeinde spare 50.000 Euro, sagte DDr. Maria Berger.", "50.000 Euro", "Maria Berger"),
    ("Die Gemeinde spare 60.000 Euro, sagte Dr. Maria Berger.", "60.000 Euro", "Maria Berger"),
    ("Nach Angaben von Mag.a Eva Lang fehlen 80 Lehrer.", "80 Lehrer", "Eva Lang"),    # review: feminine form
    ("Die Schäden würden auf 15 Millionen Euro geschätzt, sagte Univ.-Prof. Dr. Eva Brandl.", "15 Millionen Euro",
     "Eva Brandl"),                                                                   # review: two titles
])
def test_a_title_abbreviation_is_no_part_of_the_sources_name(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


# review of src33: a headline's speaker prefix opened by a title ("Mag. Gruber: ...") names the person, not the title
# - with the title one token the prefix kept it (invented headlines)
@pytest.mark.parametrize("text, figure, name", [
    ("Mag. Gruber: 200 Jobs in Gefahr\n\nText ohne Zahl.", "200", "Gruber"),
    ("Dkfm. Koller: 40 Filialen schließen\n\nText ohne Zahl.", "40", "Koller"),
])
def test_a_title_opening_a_headline_prefix_is_no_part_of_the_source(nlp, text, figure, name):
    assert name_of(nlp, text, figure, title=True) == name


# session 34 (src34): the source in another sentence - a report that names no one goes on with the run before it

@pytest.mark.parametrize("text, figure, name", [
    # impersonal 'es heißt' with nothing of where it was heard: the source named before (figures._bare_heissen)
    ("Die Wasserrettung meldete am Nachmittag einen Einsatz am Stausee. Mehr als 30 Helfer waren vor Ort, hieß es.",
     "30 Helfer", "Wasserrettung"),
    ("Der Konzern teilte am Dienstag mit, das Jahr sei gut verlaufen. Der Umsatz stieg um zwölf Prozent, hieß es am "
     "Abend.",
     "zwölf Prozent", "Konzern"),
])
def test_a_bare_heisst_es_goes_on_with_the_source_before(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text, figure, name", [
    # where it was heard is a source of its own: the one before is not carried to it
    ("Die Wasserrettung meldete am Nachmittag einen Einsatz am Stausee. Mehr als 30 Helfer waren vor Ort, hieß es "
     "aus dem Innenministerium.", "30 Helfer", "Innenministerium"),
    # no source before: 'hieß es' alone names no one
    ("Ein Unwetter zog am Nachmittag über das Tal. Mehr als 30 Helfer waren vor Ort, hieß es.", "30 Helfer", None),
])
def test_a_heisst_es_with_its_own_origin_or_nothing_before_takes_no_source_from_before(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text, bare", [
    ("Mehr als 30 Helfer waren vor Ort, hieß es.", True),
    ("Der Umsatz stieg, hieß es am Abend.", True),
    ("Der Umsatz stieg, hieß es aus dem Konzern.", False),    # where it was heard: a source of its own
    ("Nun heißt es abwarten.", False),                        # 'it is time to': no report
])
def test_a_bare_heisst_es(nlp, text, bare):
    assert bare_heissen(nlp, text) is bare


def bare_heissen(nlp, text: str) -> bool:
    """`figures._bare_heissen` of the sentence's (first) ``heißen``."""
    from lagebild.extract.attribution.figures import _bare_heissen

    return _bare_heissen(next(t for t in nlp(text) if t.lemma_ == "heißen"))


# rv_src34: impersonal 'heißen' with a score of its own reports nothing ('Danach hieß es 2:0': the result stood so)

@pytest.mark.parametrize("text, figure", [
    ("Der Trainer sagte vor dem Spiel, man wolle gewinnen. Danach hieß es 2:0, 25.000 Fans jubelten.", "25.000 Fans"),
])
def test_a_score_after_heisst_es_takes_no_source_from_before(nlp, text, figure):
    assert name_of(nlp, text, figure) is None


@pytest.mark.parametrize("text", ["Kurz darauf hieß es 2:0.", "Danach hieß es 2:0, alle jubelten."])
def test_heisst_es_with_a_score_is_no_bare_report(nlp, text):
    assert bare_heissen(nlp, text) is False


# rv_src34: 'wie es heißt' put into a sentence is the reporter's hedge ("reportedly"), no report that goes on with the
# source named before

@pytest.mark.parametrize("text, figure", [
    ("Der Minister sagte, er sei zufrieden. Der Flughafen kostete, wie es heißt, 7 Milliarden Euro.", "7 Milliarden"),
])
def test_wie_es_heisst_takes_no_source_from_before(nlp, text, figure):
    assert name_of(nlp, text, figure) is None


@pytest.mark.parametrize("text", ["Der Flughafen kostete, wie es heißt, 7 Milliarden Euro.",
                                  "Er hatte, wie es hieß, 20.000 Euro erbeutet."])
def test_wie_es_heisst_is_no_bare_report(nlp, text):
    assert bare_heissen(nlp, text) is False


# rv_src34: a bare 'es heißt' goes on with the run in other syntax - a passive, a trailing 'so hieß es', a Konjunktiv I
# run, a sentence between the cue and the figure it holds open; and does not where it names its own origin

@pytest.mark.parametrize("text, figure, name", [
    ("Die Polizei teilte am Morgen mit, der Fahrer sei geflüchtet. Bei dem Unfall wurden 14 Menschen verletzt, hieß "
     "es weiter.", "14 Menschen", "Polizei"),
    ("Der Sprecher sagte, es gebe keine Verletzten. Die Kosten betragen 3 Millionen Euro, so hieß es.",
     "3 Millionen", "Sprecher"),
    ("Das Ministerium erklärte, die Lage sei stabil. Rund 500 Soldaten seien im Einsatz, heißt es.",
     "500 Soldaten", "Ministerium"),
    ("Die Polizei teilte mit, der Fahrer sei geflüchtet. Das Auto war rot. Zwei Autos wurden beschädigt, hieß es. "
     "Der Schaden betrage 20.000 Euro.", "20.000 Euro", "Polizei"),
])
def test_a_bare_heisst_es_goes_on_with_the_run_in_other_syntax(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


@pytest.mark.parametrize("text, figure, before", [
    ("Das Ministerium erklärte, die Lage sei stabil. Rund 500 Soldaten sind im Einsatz, heißt es in "
     "Regierungskreisen.", "500 Soldaten", "Ministerium"),
    ("Die NATO teilte mit, die Lage sei angespannt. Rund 500 Soldaten wurden getötet, hieß es aus Kiew.",
     "500 Soldaten", "NATO"),
    ("Die Polizei meldete am Morgen einen Unfall auf der A7.\n\nMehr als 30 Helfer waren vor Ort, hieß es.",
     "30 Helfer", "Polizei"),                          # a new paragraph: the run does not reach over it
])
def test_a_heisst_es_of_its_own_origin_or_after_a_break_does_not_go_on_with_the_run(nlp, text, figure, before):
    assert name_of(nlp, text, figure) != before


# rv_src34: 'hieß es weiter' where the parser hangs 'weiter' as the verb's particle ("weiterheißen" is no verb)

def test_heisst_es_weiter_read_as_a_particle_goes_on_with_the_run(nlp):
    text = "Die Staatsanwaltschaft erklärte, der Mann sei gefasst worden. Er hatte 20.000 Euro erbeutet, hieß es weiter."
    assert name_of(nlp, text, "20.000 Euro") == "Staatsanwaltschaft"


@pytest.mark.parametrize("text, bare", [
    ("Er hatte 20.000 Euro erbeutet, hieß es weiter.", True),       # 'weiter' hung as the particle
    ("Die Partei hieß es gut, dass 300 Stellen wegfallen.", False),  # 'gutheißen' with a subject of its own
])
def test_a_particle_under_heissen(nlp, text, bare):
    assert bare_heissen(nlp, text) is bare
@pytest.mark.parametrize("text,figure", [
    # review speaker34: a passive verb of saying the parser coordinates with an active verb ("und wurde ... genannt",
    # or a passive it hangs on an extended infinitive as that verb's conjunct) does not lend the active verb's subject
    # as its speaker (speakers.subject_of): that subject is what the passive reports on; the passive names no agent
    ("Der Konzern streicht 500 Stellen und wurde dafür am Montag im Landtag genannt.", "500"),
    ("Der Plan, 200 Millionen Euro in Schulen zu investieren, wurde am Montag im Ausschuss erläutert.", "200"),
])
def test_a_coordinated_passive_lends_no_speaker(nlp, text, figure):
    assert name_of(nlp, text, figure) is None


@pytest.mark.parametrize("text,figure,speaker", [
    ("Der Sprecher lachte und sagte, 30 Menschen seien verletzt.", "30", "Sprecher"),
    # a passive whose subject speaks ("zitiert": lang/de passive_speaker_verbs) still takes its conjunct's subject
    ("Der Minister kam zu spät und wurde mit den Worten zitiert, 20 Millionen Euro seien zu wenig.", "20", "Minister"),
])
def test_a_coordinated_verb_of_saying_takes_its_conjuncts_subject(nlp, text, figure, speaker):
    assert speaker in (name_of(nlp, text, figure) or "")


# session 35 (src35): a speaker named after the sentence does not report it where the say speaks of the speaker

@pytest.mark.parametrize("text, figure, name", [
    # a flood: the reporter's figure, then the mayor in the first person (a direct quotation, marks stripped)
    ("Der Pegel der Donau stieg in der Nacht auf 8,20 Meter. Ich habe die Lage im Griff, sagte der Bürgermeister.",
     "8,20 Meter", None),
    # an election: the reporter's background, then the winner on his own coalition (a possessive pointing forward)
    ("Die Partei hatte nach 30 Jahren das Rathaus verloren. In seiner neuen Koalition sei das Klima gut, betonte "
     "der Spitzenkandidat.", "30 Jahren", None),
    # a strike: a pronoun that can point only to the speaker named after it
    ("Die Bahn stand wegen des Streiks 48 Stunden still. Er habe dafür kein Verständnis, erklärte der "
     "Verkehrsminister.", "48 Stunden", None),
    # not: an earthquake - the account after goes on and names no one of the speaker's own
    ("Bei dem Beben wurden 40 Häuser zerstört. Unter den Trümmern seien noch Menschen verschüttet, berichtete die "
     "Katastrophenschutzbehörde.", "40 Häuser", "Katastrophenschutzbehörde"),
    # not: a trial - the pronoun points back to the accused of the sentence before, not to the speaker
    ("Der Angeklagte erbeutete bei dem Überfall 40.000 Euro. Er habe aus Geldnot gehandelt, sagte der Staatsanwalt.",
     "40.000 Euro", "Staatsanwalt"),
])
def test_a_say_after_the_reporters_sentence_reports_it_unless_it_speaks_of_its_speaker(nlp, text, figure, name):
    assert name_of(nlp, text, figure) == name


# session 35 review (rv151): a possessive the tagger takes for an article (``Seine`` ART, morph Poss=Yes) is read as one

@pytest.mark.parametrize("text, figure", [
    # a football match: the stadium's size is the reporter's background, not the police chief's account
    ("Das Stadion fasst 45.000 Zuschauer. Seine Behörde werde die Sicherheit prüfen, sagte der Polizeichef.",
     "45.000 Zuschauer"),
    # a flood: the town's distance from the border, then the district head on his own office
    ("Die Stadt liegt 40 Kilometer von der Grenze entfernt. Seine Behörde werde die Brücke prüfen, sagte der "
     "Landrat.", "40 Kilometer"),
])
def test_a_possessive_tagged_as_an_article_still_makes_the_say_one_of_its_speaker(nlp, text, figure):
    assert name_of(nlp, text, figure) is None
