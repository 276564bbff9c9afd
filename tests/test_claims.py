"""Claim extraction on invented German sentences: counted nouns, sources, hedges, stance, measures."""
from __future__ import annotations

import re
import warnings

import pytest

import lagebild.extract
import lagebild.extract.claims  # noqa: F401  (registers "lagebild_claims")
from lagebild.nlp import blank


@pytest.fixture(scope="module")
def nlp(claims_nlp):
    return claims_nlp


def claims(nlp, text, article="t.txt"):
    doc = nlp.make_doc(text)
    doc._.article_id = article
    doc._.title_end = text.find("\n") if "\n" in text else 0
    return nlp(doc)._.claims


def one(nlp, text):
    cs = claims(nlp, text)
    assert len(cs) == 1, [(c.text, c.low) for c in cs]
    return cs[0]


# --- figures and counted nouns -----------------------------------------------------------------------

@pytest.mark.parametrize("text,low,high,qualifier,counted", [
    ("Bei dem Beben starben mindestens 120 Menschen.", 120, 120, "at_least", "Menschen"),
    ("Die Armee schickte etwa 10.000 bis 12.000 Soldaten.", 10000, 12000, "approx", "Soldaten"),
    ("Es kamen zwischen 80.000 und 100.000 Demonstranten.", 80000, 100000, "exact", "Demonstranten"),
    ("Das Land will 25.000-30.000 Soldaten entsenden.", 25000, 30000, "exact", "Soldaten"),
    ("Sie schickten rund 6.000 spezialisierte Soldaten und Bauarbeiter.", 6000, 6000, "approx",
     "Soldaten und Bauarbeiter"),
    ("Es gebe hunderte Tote und Verletzte.", 200, 999, "vague", "Tote und Verletzte"),
    ("In der Stadt protestierten Zehntausende Menschen.", 20000, 99999, "vague", "Menschen"),
    ("Die Flut zerstörte fast dreihundert Häuser.", 300, 300, "less_than", "Häuser"),
    ("Geschätzt wurden einige Zehntausend Teilnehmer.", 20000, 99999, "vague", "Teilnehmer"),
    ("Der Schaden beträgt 1,5 Millionen Euro.", 1.5e6, 1.5e6, "exact", "Euro"),
    ("Die Zahl der Toten stieg auf 312.", 312, 312, "exact", "Toten"),
    ("Die Flugabwehr fing 47 von 52 Drohnen ab.", 47, 47, "exact", "Drohnen"),
])
def test_figures_and_counted(nlp, text, low, high, qualifier, counted):
    c = claims(nlp, text)[0]
    assert (c.low, c.high, c.qualifier, c.counted) == (low, high, qualifier, counted)
    assert text[c.start:c.end] == c.text
    assert c.sentence == text


def test_elliptic_figure_takes_the_noun_before(nlp):
    cs = claims(nlp, "Mindestens 25 Menschen wurden getötet. Mehr als 40 weitere wurden verletzt.")
    assert [(c.low, c.counted, c.measure.kind) for c in cs] == [(25, "Menschen", "killed"), (40, "Menschen", "injured")]


@pytest.mark.parametrize("text,first", [
    ("Die Kamera nimmt wahlweise 60 oder 90 Bilder pro Sekunde auf.", 60),
    ("Die Pacht stieg um 4,2 statt 3,8 Prozent.", 4.2),
    ("Der Verband meldete 12 beziehungsweise 15 Neuzulassungen.", 12),
    ("Die Umsatzsteigerung 2,5 statt 1,9 Prozent überraschte die Analysten.", 2.5),
])
def test_two_alternative_figures_share_the_noun_said_once(nlp, text, first):
    # German gaps the noun of the first of two figures joined by "statt", "oder", "beziehungsweise": it counts
    # what the second counts (and a figure after a noun, "Umsatzsteigerung 2,5", is no label when "statt" follows)
    cs = claims(nlp, text)
    assert len(cs) == 2 and cs[0].low == first and cs[0].counted == cs[1].counted, \
        [(c.text, c.low, c.counted) for c in cs]


@pytest.mark.parametrize("text", [
    "Am 17. Juni traf er in Pjöngjang ein.",
    "Seit Februar 2022 führt Russland Krieg.",
    "Das Video dauert 1:27 min.",
    "Das Hauptquartier des 2. Korps liegt im Norden.",
    "Gemäß den UN-Resolutionen 1718, 1874 und 2270 ist das verboten.",
    "Er besuchte das Land zum dritten Mal.",
    "Der Kampfjet vom Typ F-16 stürzte ab.",
    "Um 14.30 Uhr begann die Sitzung.",
    "Das Abkommen wurde im Juni 2024 unterzeichnet.",
    "Vor knapp einer Woche meldete die Armee einen Erfolg.",
])
def test_non_claims(nlp, text):
    assert claims(nlp, text) == []


# --- sources -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,source", [
    ("Laut Polizei nahmen rund 15.000 Menschen teil.", "Polizei"),
    ("Dem britischen Geheimdienst zufolge sind 6.000 Soldaten gefallen.", "britischer Geheimdienst"),
    ("Angaben des ukrainischen Militärs zufolge wurden 40 Drohnen abgeschossen.", "ukrainisches Militär"),
    ("Nach Angaben des Gesundheitsministeriums starben 87 Menschen.", "Gesundheitsministerium"),
    ("Nach Polizeiangaben wurden 34 Menschen festgenommen.", "Polizei"),
    ("Nach UN-Angaben sind 6,5 Millionen Menschen geflohen.", "UN"),
    ("Russland hat nach ukrainischen Angaben 85 Drohnen abgefeuert.", "ukrainische Seite"),
    ("An 27 Orten seien Brände ausgebrochen, teilte Innenminister Klymenko mit.", "Klymenko"),
    ("Die Armee habe 440 Drohnen eingesetzt, schrieb Präsident Wolodymyr Selenskyj auf X.",
     "Wolodymyr Selenskyj"),
    ("Der Geheimdienst gab an, dass etwa 600 Soldaten gefallen sind.", "Geheimdienst"),
    ("Südkoreas Geheimdienst gab im April an, dass etwa 600 Soldaten gefallen sind.", "Südkoreas Geheimdienst"),
    ("Die Zahl der Todesopfer stieg auf 312, wie das Gesundheitsministerium mitteilte.", "Gesundheitsministerium"),
    ("Der Schaden liegt bei 2,3 Milliarden Euro, so der Versicherungsverband.", "Versicherungsverband"),
    ("In britischen und französischen Schätzungen wird von etwa 15.000 Soldaten gesprochen.",
     "britische und französische Schätzungen"),
    ("Israels Armee hat nach eigenen Angaben mehr als 150 Ziele angegriffen.", "Israels Armee"),
    ("Nach Angaben der von der Miliz kontrollierten Behörde wurden 87 Menschen getötet.",
     "von der Miliz kontrollierte Behörde"),
    ("Dem Portal \"The Kyiv Independent\" zufolge gab es 12 Explosionen.", "The Kyiv Independent"),
])
def test_sources(nlp, text, source):
    assert one(nlp, text).source == source


@pytest.mark.parametrize("text,source,kind", [
    ("Die Hilfsorganisation Brückenwerk geht von mehr als 25.000 Geflüchteten aus.", "Brückenwerk", "organisation"),
    ("Nach Angaben der Zeitung Kyiv Post wurden 40 Menschen verletzt.", "Kyiv Post", "media"),
    ("An 27 Orten seien Brände ausgebrochen, teilte Innenminister Klymenko mit.", "Klymenko", "person"),
    ("Nach Angaben der Nachrichtenagentur TASS wurden 5.000 Bauarbeiter entsandt.", "TASS", "media"),
    ("Laut TASS wurden 5.000 Bauarbeiter entsandt.", "TASS", "media"),           # the outlet alone
    ("Laut CNN wurden 40 Menschen verletzt.", "CNN", "media"),
])
def test_source_kind_follows_the_head_before_the_name(nlp, text, source, kind):
    c = one(nlp, text)
    assert (c.source, c.sources[0].kind) == (source, kind)


def test_next_sentence_names_the_source(nlp):
    c = claims(nlp, "Mehr als 200.000 Menschen mussten fliehen. Das teilte der Zivilschutz am Montag mit.")[0]
    assert c.source == "Zivilschutz"
    c = claims(nlp, "Es gebe hunderte Tote und Verletzte. Das heißt es aus Kreisen des Militärs.")[0]
    assert c.source is not None and "Militär" in c.source        # "Militär" or "Kreise des Militärs"
    assert c.sources[0].kind == "military"


def test_quote_over_sentences_and_relay(nlp):
    text = ("„Wir haben beschlossen, 1.000 Pioniere zu schicken. Dazu kommen 5.000 Bauarbeiter“, "
            "sagte der Sekretär des Sicherheitsrates Sergei Schoigu, wie die Agentur TASS berichtete.")
    cs = claims(nlp, text)
    assert [c.low for c in cs] == [1000, 5000]
    for c in cs:
        assert c.source == "Sergei Schoigu"
        assert c.sources[0].relayed_by == "TASS"


def test_chain_source_and_relay(nlp):
    c = one(nlp, "Laut einer ukrainischen Geheimdiensteinschätzung will das Land zusätzlich 25.000 bis 30.000 "
                 "Soldaten entsenden, berichtet CNN.")
    assert c.source == "ukrainische Geheimdiensteinschätzung"
    assert c.sources[0].relayed_by == "CNN"


def test_headline_prefix_is_a_source_topic_is_not(nlp):
    cs = claims(nlp, "Titel\n\nBehörden: Mindestens 14 Tote bei Luftangriff auf Kiew\n\nText.")
    assert cs[0].source == "Behörden"
    cs = claims(nlp, "Ukraine-Krieg: 14 Tote bei Luftangriff\n\nText.")
    assert cs[0].source is None


def test_headline_source_stays_in_the_headline(nlp):
    cs = claims(nlp, "Titel\n\nPolizei: 34 Festnahmen\n\nAm Abend wurden weitere 12 Menschen festgenommen.")
    assert [(c.low, c.source) for c in cs] == [(34, "Polizei"), (12, None)]


def test_clause_picks_its_own_speaker(nlp):
    cs = claims(nlp, "Die Polizei schätzte die Zahl der Teilnehmer auf 30.000, die Veranstalter sprachen von "
                     "mehr als 100.000.")
    assert [(c.low, c.source) for c in cs] == [(30000, "Polizei"), (100000, "Veranstalter")]


def test_own_authority_has_no_source(nlp):
    assert one(nlp, "Nordkorea hat mehr als 10.000 Soldaten nach Russland verlegt.").source is None


# --- hedging and stance ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,hedged", [
    ("Offenbar mehr als 10.000 Soldaten im Einsatz", True),
    ("Angeblich wurden 300 Soldaten getötet.", True),
    ("Russland soll 50.000 Soldaten zusammengezogen haben.", True),
    ("Schätzungen zufolge leben dort 40.000 Menschen.", True),
    ("Berichten zufolge starben 20 Menschen.", True),
    ("Die Armee habe 440 Drohnen eingesetzt, schrieb der Präsident.", False),
    ("Nach Angaben der Polizei kamen 5.000 Menschen.", False),
])
def test_hedging(nlp, text, hedged):
    assert one(nlp, text).hedged is hedged


def test_subheading_hedge_stays_with_its_figures(nlp):
    cs = claims(nlp, "Titel\n\nOffenbar mehr als 10.000 Soldaten im Einsatz\n\nDas Land hat 12.000 Soldaten "
                     "entsandt.")
    assert [(c.low, c.hedged) for c in cs] == [(10000, True), (12000, False)]


def test_stance(nlp):
    assert one(nlp, "Das Ministerium bestritt, dass 300 Soldaten getötet worden seien.").stance == "denied"
    cs = claims(nlp, "Moskau meldete 500 getötete Soldaten. Das wies Kiew zurück.")
    assert cs[0].stance == "disputed"


# --- measures --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,kind,subject,action", [
    ("Nordkorea hat etwa 10.000 Soldaten nach Russland entsandt.", "personnel", "nordkorea:soldat", "deployed"),
    ("Nordkorea will zusätzlich 25.000 Soldaten entsenden.", "personnel", "nordkorea:soldat", "planned"),
    ("Die USA wollen 3.000 Soldaten nach Polen verlegen.", "personnel", "usa:soldat", "planned"),
    ("Bereits jetzt sind rund 10.000 US-Soldaten in Polen stationiert.", "personnel", "usa:soldat", "deployed"),
    ("Kim hat zugesagt, 1.000 Minen-Entschärfer nach Russland zu schicken.", "personnel", "-:pionier", "planned"),
    ("Nordkorea schickt 5.000 Soldaten für Wiederaufbauarbeiten.", "personnel", "nordkorea:bauarbeiter",
     "planned"),
    ("Es kamen 6.000 nordkoreanische Pioniere und Bauarbeiter.", "personnel", "nordkorea:gemischt",
     "deployed"),
    ("Dabei sind 6.000 russische Soldaten gefallen oder verwundet worden.", "killed_or_injured", "russland", None),
    ("Etwa 600 Nordkoreaner sind an der Front gefallen.", "killed", "nordkorea", None),
    ("Es gab mehr als 110 Verletzte.", "injured", None, None),
    ("Die Armee setzte 440 Kampfdrohnen ein.", "weapons_used", "-:drohne", None),
    ("Die russische Armee habe 440 Kampfdrohnen eingesetzt.", "weapons_used", "russland:drohne", None),
    ("Die Flugabwehr hat 60 Drohnen abgefangen.", "weapons_intercepted", "-:drohne", None),
    ("Rund 3.500 Einwohner wurden evakuiert.", "displaced", None, "evacuated"),
    ("Zehntausende Menschen haben in Tiflis demonstriert.", "attendees", None, None),
    ("Die Polizei hat 34 Randalierer festgenommen.", "detained", None, None),
    ("Fast neun Stunden dauerte der Alarm.", "duration", "stunde", None),
    ("Der 45-Jährige wurde festgenommen.", "age", None, None),
    ("So sollen zehntausende weitere Nordkoreaner nach Russland kommen, um in Fabriken zu arbeiten.",
     "personnel", "nordkorea:arbeiter", "planned"),
])
def test_measures(nlp, text, kind, subject, action):
    m = claims(nlp, text)[0].measure
    assert (m.kind, m.subject, m.action) == (kind, subject, action)


def test_relative_clause_decides_deployed(nlp):
    c = claims(nlp, "Diese Truppen könnten in den kommenden Monaten eintreffen und die 11.000 Soldaten ergänzen, "
                    "die bereits im November geschickt wurden.")[0]
    assert c.measure.action == "deployed"


def test_nationality_from_the_sentence_before(nlp):
    text = ("Nordkorea hat mehr als 10.000 Soldaten nach Russland verlegt. Zudem hat die Regierung zugesagt, "
            "rund 6.000 Pioniere und Bauarbeiter in die Region Kursk zu entsenden.")
    cs = claims(nlp, text)
    assert cs[1].measure.subject == "nordkorea:gemischt"


def test_destination_and_source_are_not_the_subject(nlp):
    c = one(nlp, "Laut einer ukrainischen Einschätzung hat das Regime 11.000 Soldaten nach Russland geschickt.")
    assert c.measure.subject == "-:soldat"


def test_claim_fields_follow_the_contract(nlp):
    c = one(nlp, "Laut Polizei nahmen rund 15.000 Menschen teil.")
    d = c.to_contract()
    for key in ("article", "text", "sentence", "start", "end", "low", "high", "qualifier", "counted", "source",
                "hedged", "group"):
        assert key in d
    assert d["low"] == 15000 and isinstance(d["low"], int)
    assert c.id == "t.txt#" + str(c.start)


def test_durations_can_be_switched_off():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n = blank()
    n.add_pipe("lagebild_claims", config={"durations": False})
    assert claims(n, "Fast neun Stunden dauerte der Alarm, 14 Menschen starben.")[0].low == 14
    assert len(claims(n, "Fast neun Stunden dauerte der Alarm, 14 Menschen starben.")) == 1


def test_time_comes_from_times_or_publication_date(nlp):
    from lagebild.model import TimeExpression

    doc = nlp.make_doc("Am Montag starben 14 Menschen.")
    doc._.article_id, doc._.dct = "t.txt", "2025-06-17"
    doc._.times = [TimeExpression("t.txt", "Am Montag", 0, 9, "DATE", "2025-06-16", "day")]
    c = nlp(doc)._.claims[0]
    assert (c.time.value, c.time.basis) == ("2025-06-16", "expression")
    doc = nlp.make_doc("14 Menschen starben.")
    doc._.article_id, doc._.dct = "t.txt", "2025-06-17"
    c = nlp(doc)._.claims[0]
    assert (c.time.value, c.time.basis) == ("2025-06-17", "publication date")


def test_claim_in_a_video_teaser_takes_the_caption_date(nlp):
    """A teaser closed by "18.12.2024 | 0:24 min" reported its figure then, not on the article's date."""
    from lagebild.model import DatedPassage, TimeExpression

    text = "Es gebe hunderte Tote und Verletzte.\nNun sprechen Geheimdienste von 6.000 Toten und Verletzten."
    doc = nlp.make_doc(text)
    doc._.article_id, doc._.dct = "t.txt", "2025-07"
    doc._.passage_dates = [DatedPassage(0, text.index("\n"), "2024-12-18")]
    first, second = nlp(doc)._.claims
    assert (first.time.value, first.time.precision, first.time.basis) == ("2024-12-18", "day", "caption date")
    assert (second.time.value, second.time.basis) == ("2025-07", "publication date")
    doc = nlp.make_doc("Am Montag gab es 14 Tote.")       # a date in the teaser itself still wins
    doc._.article_id, doc._.dct = "t.txt", "2025-07"
    doc._.passage_dates = [DatedPassage(0, len(doc.text), "2024-12-18")]
    doc._.times = [TimeExpression("t.txt", "Am Montag", 0, 9, "DATE", "2024-12-16", "day")]
    assert nlp(doc)._.claims[0].time.basis == "expression"


def test_competing_sources_in_one_sentence(nlp):
    cs = claims(nlp, "Nach Angaben des Innenministeriums nahmen rund 25.000 Menschen teil, die Organisatoren "
                     "sprachen von mehr als 100.000 Teilnehmern.")
    assert [(c.low, c.source) for c in cs] == [(25000, "Innenministerium"), (100000, "Organisatoren")]


def test_event_words_in_a_headline_prefix_are_topics(nlp):
    assert claims(nlp, "Erdbeben: Mehr als 4.000 Tote\n\nText.")[0].source is None
    assert claims(nlp, "Kiew: Mehr als 40 Tote\n\nText.")[0].source == "Kiew"


def test_elliptic_figure_inherits_the_measure(nlp):
    cs = claims(nlp, "In der Türkei starben 2.921 Menschen, in Syrien mindestens 1.444.")
    assert [(c.low, c.measure.kind, c.measure.place) for c in cs] == [(2921, "killed", "tuerkei"),
                                                                      (1444, "killed", "syrien")]


def test_places_coordinated(nlp):
    c = one(nlp, "Die Zahl der Toten in der Türkei und Syrien stieg auf mehr als 4.000.")
    assert (c.measure.kind, c.measure.place) == ("killed", "syrien+tuerkei")


def test_arrests_and_protests(nlp):
    cs = claims(nlp, "In Tiflis gingen 20.000 Menschen auf die Straße. Die Polizei nahm 47 Demonstranten fest.")
    assert [c.measure.kind for c in cs] == ["attendees", "detained"]


# --- generalised on the held-out dev set and real news (training/CLAIMS_EVAL.md) -----------------------

@pytest.mark.parametrize("text,source", [
    ("Innenminister Laurent Moreau sagte, es gebe 20 Verletzte.", "Laurent Moreau"),
    ("Sein Sprecher sagte, an der Grenze stünden weniger als 10.000 Soldaten.", "Sprecher"),
    ("Westliche Diplomaten gehen von 30.000 Soldaten aus.", "Westliche Diplomaten"),
    ("Das Innenministerium in Paris teilte mit, unter den Toten seien zwei Kinder.", "Innenministerium"),
    ("In Nürnberg zählte die Polizei etwa 12.000 Demonstranten.", "Polizei"),
    ("2023 hatte das Bundesamt noch 329.120 Erstanträge gezählt.", "Bundesamt"),
    ("Aserbaidschan hat nach Erkenntnissen westlicher Geheimdienste Tausende Soldaten verlegt.", "Geheimdienste"),
    ("Die Veranstalter rechnen mit mehreren Tausend Teilnehmern.", "Veranstalter"),
    ("Auch 43 Deutsche wurden ausgeflogen, wie das Auswärtige Amt mitteilte.", "Auswärtiges Amt"),
    ("Landesrat Hans Seitinger (ÖVP) bezifferte den Schaden auf 200 Millionen Euro.", "Hans Seitinger"),
    ("Laut russischen Angaben starben 30 Soldaten.", "russische Seite"),
])
def test_sources_generalised(nlp, text, source):
    assert claims(nlp, text)[0].source is not None and source in claims(nlp, text)[0].source


@pytest.mark.parametrize("text", [
    "New Orleans zählte vor dem Sturm 452.000 Einwohner.",          # a place says nothing
    "Gas von Maxenergy gibt es für 2,09 Cent.",                      # "gibt es" is no "gibt an"
    "Der Grund: Die fünf Männer wollten 15 Rinder kaufen.",          # a generic heading prefix
    "Zum Vergleich: 90 Liter Wasser.",
    "Mittelmeer: Mindestens 41 Migranten ertrunken",                 # a place, not a government
    "Laut den Angaben sind zwei Touristen ums Leben gekommen.",      # "Angaben" names no one
    "Die Partei kommt laut vorläufigem Ergebnis auf 194 Sitze.",
    "Manche sagen, sie habe gedrängt. Zwei Beobachter wollen gesehen haben, wie sie gestürzt sei.",
])
def test_no_junk_sources(nlp, text):
    assert all(c.source is None for c in claims(nlp, text)), [(c.text, c.source) for c in claims(nlp, text)]


def test_sources_carry_over_lists_demnach_and_reported_speech(nlp):
    cs = claims(nlp, "Titel\n\nDie Behörden veröffentlichten eine Bilanz:\n- 38 Tote in Caylloma\n- 17 Tote in Castilla\n")
    assert [c.source for c in cs] == ["Behörden", "Behörden"]
    cs = claims(nlp, "Titel\n\nNach Schätzungen des Instituts IISS hat das Land 64.000 Soldaten. Das Nachbarland "
                     "kommt demnach auf etwa 42.000.")
    assert cs[1].source == cs[0].source and cs[1].counted == "Soldaten"
    cs = claims(nlp, "Titel\n\nDer Minister sagte, der Täter sei radikalisiert gewesen. Man habe drei Messer gefunden.")
    assert cs[0].source == "Minister"


def test_unverified_next_sentence_hedges(nlp):
    c = claims(nlp, "Titel\n\nDiplomaten gehen von 30.000 Soldaten aus. Eine unabhängige Bestätigung gibt es nicht.")[0]
    assert c.hedged


@pytest.mark.parametrize("text,low,counted", [
    ("In der Stadt mussten 1,200 Menschen ihre Wohnungen verlassen.", 1200, "Menschen"),       # English digits
    ("Der Pegel stieg auf 1,250 Meter.", 1.25, "Meter"),                                           # a measure stays
    ("Die meisten Antragsteller kamen aus Syrien (76.765).", 76765, "Antragsteller"),
    ("Vier Tote, Tausende evakuiert", 2000, "Menschen"),
    ("Etwa 5.000 europäische Foreign Fighters kämpfen dort.", 5000, "Foreign Fighters"),
    ("Die dreijährige Shanai wurde gerettet.", 3, "Jahre"),
])
def test_counted_generalised(nlp, text, low, counted):
    c = [c for c in claims(nlp, text) if c.low == low][0]
    assert c.counted == counted


def test_sentence_ending_in_a_number_is_cut(nlp):
    cs = claims(nlp, "In Bonn waren es 9.000 Demonstranten, in Augsburg rund 6.500. Insgesamt kamen nach Angaben "
                     "des Bündnisses 50.000 Menschen.")
    assert [(c.low, c.source) for c in cs] == [(9000, None), (6500, None), (50000, "Bündnis")]


@pytest.mark.parametrize("text,kind,subject,action", [
    ("Italien holte 81 Italiener aus der Stadt, während die Armee kämpfte.", "people", "italien", None),
    ("Rund 8.000 Rebellen rückten auf die Stadt vor.", "personnel", "-:kaempfer", "deployed"),
    ("Die USA wollen 5.000 Mann in die Region schicken.", "personnel", "usa:soldat", "planned"),
    ("Die Fähre hatte 30 Mann Besatzung an Bord.", "people", None, None),
    ("Aserbaidschan verfügt über rund 64.000 aktive Soldaten.", "personnel", "aserbaidschan:soldat", "strength"),
    ("Nach Angaben der Behörden sind 18.500 Menschen obdachlos geworden.", "displaced", None, "homeless"),
    ("2024 stellten 229.751 Menschen einen Asylantrag.", "displaced", None, "asylum"),
    ("Dabei wurden 47 Menschen verletzt, darunter 11 schwer.", "injured", None, None),
    ("Neun Verletzte schweben in Lebensgefahr.", "injured", None, "serious"),
    ("Zwei Beamte wurden leicht verletzt.", "injured", "-:polizist", "light"),
    ("Unter den Toten seien auch zwei Kinder.", "killed", "-:kind", None),
    ("Fünf Schwerverletzte seien in der Nacht gestorben.", "killed", None, None),
    ("Die Veranstalter hatten 5.000 Teilnehmer erwartet.", "attendees", None, "expected"),
    ("81 Menschen wurden getötet und mindestens 56 weitere werden vermisst.", "killed", None, None),
    ("Der Konzern will 3.500 Stellen streichen.", "jobs", None, "cut"),
    ("Es brannte an insgesamt drei Stellen.", "sites", "ort", None),
    ("Die Feuerwehr war mit 200 Fahrzeugen im Einsatz.", "vehicles", "fahrzeug", None),
    ("Dort sind 1.067 Menschen gestorben oder verschwunden.", "killed_or_missing", None, None),
])
def test_measures_generalised(nlp, text, kind, subject, action):
    m = claims(nlp, text)[0].measure
    assert (m.kind, m.subject, m.action) == (kind, subject, action)


def test_missing_after_killed_counts_the_missing(nlp):
    cs = claims(nlp, "81 Menschen wurden getötet und mindestens 56 weitere werden noch vermisst.")
    assert [c.measure.kind for c in cs] == ["killed", "missing"]


@pytest.mark.parametrize("text,place", [
    ("Das Innenministerium in Paris meldete aus Lyon 12 Tote.", None),         # the seat of a source
    ("Besonders betroffen ist die Provinz Caylloma. Dort und in Caylloma gab es 38 Tote.", "caylloma"),
    ("Bei dem Beben im Süden Perus starben 64 Menschen.", "peru"),
    ("Nach Ende des Krieges waren 3.000 Menschen getötet worden.", None),      # "Ende" is no town here
    ("Beim Untergang vor der Insel Lampedusa starben 41 Menschen.", "lampedusa"),
    ("Über das zentrale Mittelmeer starben 1.067 Menschen.", "mittelmeer"),
])
def test_places_generalised(nlp, text, place):
    assert claims(nlp, "Titel\n\n" + text)[-1].measure.place == place


@pytest.mark.parametrize("text,place", [
    ("Nach dem Unwetter starben in Nordrhein-Westfalen 12 Menschen.", "nordrhein-westfalen"),
    ("In Kalabrien kamen 5 Menschen ums Leben.", "kalabrien"),      # ISO's German name of an Italian region
    ("Auf Sizilien wurden 20 Menschen verletzt.", "sizilien"),         # an island the gazetteer knows as a region
    ("Im Saarland wurden 300 Häuser beschädigt.", "saarland"),
    ("In Köln starben 3 Menschen.", "koeln"),                           # a town as before
    ("Nach Bayern flohen 200 Menschen.", None),                         # a destination, no place
    ("Bei Meta fielen 300 Stellen weg.", None),                         # a company, not an area
])
def test_a_first_level_area_is_a_figures_place_without_the_ner(text, place):
    """Areas by the gazetteer's feature class after "in"/"auf", where the NER has tagged nothing."""
    from lagebild.extract import measures as meas

    fig = re.search(r"\d+ (\w+)", text)
    assert fig
    ctx = meas.FigureContext(text, fig.start(), fig.start(), fig.end(), [fig.group(1)], [], (0, len(text)))
    assert meas._place(ctx) == place


@pytest.mark.parametrize("text, figure, value", [
    ("Diese Truppen könnten in den kommenden Monaten eintreffen und die 11.000 Soldaten ergänzen, "
     "die bereits im November geschickt wurden.", "11.000 Soldaten", "2024-11"),
    ("Nach Angaben der Behörden wurden im vergangenen Herbst etwa 2.000 Helfer entsandt.", "2.000 Helfer", "2024-FA"),
    ("Am Montag zählte die Polizei 300 Demonstranten, in den kommenden Tagen werden mehr erwartet.",
     "300 Demonstranten", None),
])
def test_claim_takes_the_time_of_its_own_clause(text, figure, value):
    """A claim carries the time its clause refers to, not a vague one from the next clause."""
    import lagebild.extract.time  # noqa: F401  (registers "lagebild_times")

    nlp = blank()
    nlp.add_pipe("lagebild_times")
    nlp.add_pipe("lagebild_claims")
    doc = nlp.make_doc(text)
    doc._.dct = "2025-07-10"
    doc = nlp(doc)
    claim = next(c for c in doc._.claims if c.text.endswith(figure))
    assert claim.time is not None and claim.time.basis == "expression"
    if value:
        assert claim.time.value == value
    else:  # "am Montag" before a 2025-07-10 publication: a concrete day, never the vague future of the next clause
        assert claim.time.value.startswith("2025-07")
