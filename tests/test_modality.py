"""A figure's counted noun and modality from the parse (issue 15; REALNEWS_EVAL 10.1 C1-C3, H1, H2, G1), each on
invented sentences: the noun the number attaches to past an extended attribute, an editorial insertion, elliptic
figures after it; hedging and planning from the figure's own clause, never from another clause of the sentence.
The trained pipeline parses (skips where none is packaged)."""
from __future__ import annotations

import pytest

import lagebild.extract.claims  # noqa: F401  (registers "lagebild_claims")
from lagebild.extract import modality
from lagebild.extract.numbers import find_figures, scan_numbers


@pytest.fixture(scope="module")
def claims_of(parser):
    from lagebild.pipeline import build_nlp

    nlp = build_nlp()

    def go(text: str) -> dict[float, object]:
        doc = nlp.make_doc(text)
        doc._.article_id = "t.txt"
        return {c.low: c for c in nlp(doc)._.claims}

    return go


def _modal(parser, text: str) -> dict[float, modality.Modality | None]:
    doc = parser(text)
    return {f.low: modality.figure_modality(doc, f.num_start, f.end) for f in find_figures(text, scan_numbers(text))}


# --- the counted noun past what stands between ----------------------------------------------------------------

@pytest.mark.parametrize("text,value,counted", [
    ("Von den 120 an Bord befindlichen Passagieren wurden 30 verletzt.", 120, "Passagieren"),
    ("In der Stadt leben etwa 40.000 seit Jahren in Jordanien lebende Iraker.", 40000, "Iraker"),
    ("Die Behörde zählte rund 700 neu ankommende Saisonarbeiter.", 700, "Saisonarbeiter"),
    ("Ein Sprecher nannte drei angreifende[n] Polizisten.", 3, "Polizisten"),
])
def test_counted_noun_past_an_attribute(claims_of, text, value, counted):
    assert claims_of(text)[value].counted == counted


def test_a_part_of_them_before_a_verb_is_no_attribute(claims_of):
    # the tagger may call the pronoun a determiner and the verb a participle: the PP has no noun, no attribute
    cs = claims_of("Rund 500 Menschen kamen in der Nacht an, 80 von ihnen stellten Anträge.")
    assert cs[80].counted == "Menschen"


def test_elliptic_figures_take_the_noun_found_past_the_attribute(claims_of):
    cs = claims_of("Von den 120 an Bord befindlichen Passagieren wurden 30 verletzt, zwölf von ihnen schwer.")
    assert {v: c.counted for v, c in cs.items()} == {120: "Passagieren", 30: "Passagieren", 12: "Passagieren"}
    assert cs[30].measure.kind == "injured"


@pytest.mark.parametrize("text", [
    "Es kamen 500 aus dem benachbarten Dorf.",          # a PP with its own adjective: no attribute
    "Von den Arbeitern kamen 80 aus der nahen Stadt.",
    "Vereinschef: 2:3 für den Trainer nur einmaliger Patzer.",      # a singular noun counts no 3
    "Er hält das 1:5 am Sonntag gegen den Tabellenführer für ein einmaliges Versagen.",   # an article opens an NP
])
def test_a_prepositional_phrase_is_no_attribute(claims_of, text):
    assert all(c.counted not in ("Dorf", "Stadt", "Patzer", "Versagen") for c in claims_of(text).values())


# --- hedging and planning from the figure's own clause ---------------------------------------------------------

CLAUSE_CASES = [   # (text, value, hedged, planned): test_modality_of_the_figures_clause
    # an expectation in a relative clause on another noun neither hedges the figure of the main clause nor plans it
    ("Zum Konzert, an dem bis zu 8.000 Besucher teilnehmen sollten, kamen etwa 500 Besucher.", 500, False, False),
    ("Zum Konzert, an dem bis zu 8.000 Besucher teilnehmen sollten, kamen etwa 500 Besucher.", 8000, False, True),
    # hearsay about another figure in another clause
    ("Die Feuerwehr nahm 30 Personen in Obhut, vier von ihnen sollen den Brand gelegt haben.", 30, False, False),
    ("Die Feuerwehr nahm 30 Personen in Obhut, vier von ihnen sollen den Brand gelegt haben.", 4, True, False),
    # "könnten" of a relative clause on another noun
    ("Der Verband nannte Kosten von 90 Millionen Euro, die anderswo eingesetzt werden könnten.", 90e6, False, False),
    # hearsay, possibility and evidential adverbs that govern the figure's clause
    ("Bei dem Brand sollen 14 Menschen ums Leben gekommen sein.", 14, True, False),
    ("Im Lager sollen 5.000 Menschen leben.", 5000, True, False),
    ("Experten schätzen, dass die Zahl auf 300 steigen könnte.", 300, True, False),
    ("Offenbar wurden 12 Häuser zerstört.", 12, True, False),
    ("Die Wehr sagte, dass angeblich 70 Helfer im Einsatz waren.", 70, True, False),
    ("Bei dem Unfall sollen 40 Menschen getötet und 100 verletzt worden sein.", 100, True, False),
    # plans and expectations: no hedge
    ("Zur Messe werden 20.000 Besucher erwartet.", 20000, False, True),
    ("Für den Gipfel sollen 400 Polizisten eingesetzt werden.", 400, False, True),
    ("In der Halle sollten etwa 900 Gäste Platz finden.", 900, False, True),
]


def test_the_stretch_decides_where_the_parse_hangs_the_figure_outside_it(parser):
    # the parser attaches "Prozent" to the noun of the dass-clause and that to "schätzen" (no clause of its own):
    # the stretch between the commas has its finite verb, so it is the figure's clause
    m = _modal(parser, "Demoskopen schätzen, dass die Beteiligung wieder auf 65 Prozent und darüber steigen könnte.")
    assert m[65] is not None and m[65].hedged


def test_an_expected_crowd_is_its_own_quantity_and_no_hedge(claims_of):
    cs = claims_of("Zum Konzert, an dem bis zu 8.000 Besucher teilnehmen sollten, kamen etwa 500 Besucher.")
    assert (cs[8000].hedged, cs[500].hedged) == (False, False)
    assert cs[8000].measure.action == "expected" and cs[500].measure.action != "expected"


def test_hearsay_still_hedges_the_claim(claims_of):
    assert claims_of("Bei dem Brand sollen 14 Menschen ums Leben gekommen sein.")[14].hedged is True


# --- ranks and "X von Y N" --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Bei der Wahl kam die Liste auf Platz drei, hinter den Grünen.",
    "Der Verein rutschte auf Tabellenrang vier ab.",
])
def test_a_number_governed_by_a_rank_noun_is_no_claim(claims_of, text):
    assert not any(c.low in (3, 4) for c in claims_of(text).values())


def test_x_of_y_counts_its_own_noun_before_the_sentences_last_one(claims_of):
    cs = claims_of("Die Bürgermeisterin erhielt 52,4 Prozent (4.210 von 8.030 gültigen Stimmen).")
    assert cs[4210].counted == "Stimmen" and cs[4210].measure.kind != "percent"


# --- person by form: the morphological lexicon vetoes plain nouns --------------------------------------------

def test_plain_nouns_with_a_participle_ending_name_no_people():
    # "-end-en" and "ge-...-t-er" look like participles; the lexicon knows them (or their compound's head) as plain
    # nouns only: money, no people. Nominalised participles and adjectives stay people.
    from lagebild.extract.measures import person_form
    from lagebild.nlp.lemmas import packaged_table

    if not packaged_table():
        pytest.skip("no packaged lemma table")
    for noun in ("Dividenden", "Gehälter", "Parteispenden", "Managergehälter"):
        assert not person_form(noun), noun
    for noun in ("Reisende", "Schutzsuchende", "Betroffene", "Zugewanderte", "Beschäftigte", "Pensionisten"):
        assert person_form(noun), noun


# --- number-unit-noun compounds -------------------------------------------------------------------------------

def test_a_number_unit_noun_compound_is_a_measurement_of_its_head(claims_of):
    cs = claims_of("Ermittler fanden eine 5-Kilo-Bombe und einen 40-Tonnen-Lkw, aber keine 3-Zimmer-Wohnung.")
    assert (cs[5].text, cs[5].counted, cs[5].measure.kind) == ("5-Kilo-Bombe", "Kilo-Bombe", "measurement")
    assert cs[40].counted == "Tonnen-Lkw" and cs[40].measure.kind == "measurement"
    assert 3 not in cs                                  # no unit of measurement: a label, as before


def test_a_compound_of_a_degree_names_a_kind_no_amount(claims_of):
    # a degree (angle, temperature) in a compound says what kind of thing its head is, not how much of it
    cs = claims_of("Der Sender zeigte 180-Grad-Aufnahmen des Hafens. Das Land hält am 2-Grad-Ziel fest.")
    assert 180 not in cs and 2 not in cs
    assert claims_of("Die Bauarbeiter errichteten einen 12-Kilometer-Damm.")[12].measure.kind == "measurement"


# --- "gut" as a qualifier by the parse --------------------------------------------------------------------------

def test_gut_before_a_number_is_a_qualifier_where_the_parse_makes_it_the_numbers_adverb(claims_of):
    cs = claims_of("Die Liste gewann noch einmal gut sechs Prozentpunkte. Zur Kundgebung kamen gut 300 Menschen.")
    assert (cs[6].qualifier, cs[6].text) == ("more_than", "gut sechs Prozentpunkte")
    assert cs[300].qualifier == "more_than"
    assert claims_of("Das Gut umfasst 120 Hektar Wald.")[120].qualifier == "exact"     # a noun, no qualifier


# --- session 19: what a hedge reaches, forecasts (REALNEWS_EVAL 19) ---------------------------------------------

REACH_CASES = [   # (text, value, hedged, planned): test_modality_of_the_figures_clause
    # an evidential adjective speaks of its noun, not of the count: the thieves are suspects, 14 were arrested
    ("Die Polizei nahm in der Nacht 14 mutmaßliche Diebe fest.", 14, False, False),
    ("Wegen angeblicher Steuerschulden wurden 40 Konten gesperrt.", 40, False, False),
    # an unconfirmed basis of the clause (estimate, allegation) with an adposition of accordance hedges
    ("Nach Schätzungen des Roten Kreuzes leben in dem Lager 8.000 Menschen.", 8000, True, False),
    ("Nach Vorwürfen der Opposition wurden 12 Wahlurnen vertauscht.", 12, True, False),
    ("Trotz der Vorwürfe stellte die Firma 300 Leute ein.", 300, False, False),
    # an insertion between dashes is no part of the figure's clause
    ("Die Ärztin fand bei dem Buben vier Wunden – vermutlich von einem Hund – am Bein.", 4, False, False),
    # a relative clause is what is known of its noun: the main clause's modal does not reach it; its own does
    ("Die Schwierigkeiten, die der Verein mit dem Umzug von 400 Mitgliedern hat, sollten bald gelöst sein.",
     400, False, False),
    ("Das Heim, in dem angeblich 60 Kinder leben, wird geschlossen.", 60, True, False),
    # a figure in a definite adjunct or attribute is taken as known: the clause's hedge is about something else
    ("In Verbindung mit der geplanten Schließung von 12 Filialen droht der Bank womöglich eine Klage.", 12, False,
     False),
    # a name's article makes it no known phrase: the parse hanging the amount under the party keeps the hedge
    ("Die Anklage betrifft eine angeblich illegale Spende an die SPD in Höhe von 80.000 Euro.", 80000, True, False),
    # ... nor is a subject one: its deed is what the hedged clause tells, the claim
    ("Die 300 Soldaten sollen bei dem Angriff getötet worden sein.", 300, True, False),
    # forecasts: future tense, a forecast adverb, a dass-clause under an expectation - planned, never a hedge
    ("Die Behörde erwartet, dass die Zahl der Anträge auf 7.000 steigen wird.", 7000, False, True),
    ("Der Umbau des Bahnhofs wird voraussichtlich 40 Millionen Euro kosten.", 40e6, False, True),
    ("Im kommenden Jahr werden 600 Lehrer in Pension gehen.", 600, False, True),
    ("Die Förderungen sollen um 15 Prozent gekürzt werden.", 15, False, True),
    ("Der Verband rechnet mit 2.500 Teilnehmern.", 2500, False, True),
    # what a forecast clause forecasts is its verb's argument: not an attribute's amount, a partitive's whole, or
    # the level a change starts from
    ("Mit der Reform wird auch die Gebühr in Höhe von 300 Euro wegfallen.", 300, False, False),
    ("Zwei der acht Abgeordneten werden im Herbst nicht mehr antreten.", 8, False, False),
    ("Zwei der acht Abgeordneten werden im Herbst nicht mehr antreten.", 2, False, True),
    ("Die Bank erwartet, dass die Quote von 12 Prozent auf 20 Prozent steigen wird.", 12, False, False),
    ("Die Bank erwartet, dass die Quote von 12 Prozent auf 20 Prozent steigen wird.", 20, False, True),
    ("Der 45-jährige Trainer wird den Verein verlassen.", 45, False, False),
    # not forecasts: what was done, a present passive; hearsay of a past deed and a possibility stay hedges
    ("Die Förderungen wurden um 15 Prozent gekürzt.", 15, False, False),
    ("In dem Dorf sollen 20 Menschen gestorben sein.", 20, True, False),
    ("Bis zu 600 Häuser könnten vom Hochwasser betroffen sein.", 600, True, False),
    # a deed that may yet come ("könnten ... sterben") is a scenario - planned, and as hedged as any possibility;
    # with a perfect infinitive it is an unconfirmed report of the deed, hedged only
    ("Bei einem Dammbruch könnten bis zu 800 Menschen sterben.", 800, True, True),
    ("Nach dem Sturm dürften weitere 60 Menschen festgenommen werden.", 60, True, True),
    ("In dem Dorf könnten 70 Menschen ums Leben gekommen sein.", 70, True, False),
    # an estimate's dass-clause is hedged
    ("Helfer vermuten, dass noch 50 Menschen unter den Trümmern liegen.", 50, True, False),
]


def test_a_stretch_with_its_own_finite_verb_is_another_clause(parser):
    # two clauses the parse may join: the hearsay of the second is not the first figure's
    m = _modal(parser, "Etwa 150 Fans wurden vorübergehend festgehalten, fünf von ihnen sollen Feuerwerk "
                       "gezündet haben.")
    assert (m[150].hedged, m[5].hedged) == (False, True)


def test_a_clause_with_a_finite_verb_of_its_own_is_no_infinitive_complement(parser):
    # the parser may make the second clause an infinitive complement of the first: "dürfte" is not its modal
    m = _modal(parser, "Die Opposition dürfte dagegen stimmen, der Minister würde die Ausgaben auf fünf Millionen "
                       "begrenzen.")
    assert m[5e6].hedged is False


def test_future_is_werden_as_auxiliary_of_an_infinitive(parser):
    # the parse as the tagger gave it for a headline: the conjoined participle "vorgelegt" tagged an infinitive; the
    # "wird" is the auxiliary of the first verb's participle, so neither clause is a future
    from spacy.tokens import Doc

    words = ["Plan", "wird", "übergeben", ",", "Grenze", "auf", "800", "Euro", "vorgelegt", "."]
    doc = Doc(parser.vocab, words=words,
              tags=["NN", "VAFIN", "VVPP", "$,", "NN", "APPR", "CARD", "NN", "VVINF", "$."],
              heads=[2, 2, 2, 8, 8, 7, 7, 8, 2, 2],
              deps=["nsubj", "aux:pass", "ROOT", "punct", "obj", "case", "nummod", "obl", "conj", "punct"],
              lemmas=["Plan", "werden", "übergeben", ",", "Grenze", "auf", "800", "Euro", "vorlegen", "."],
              morphs=["", "Mood=Ind|Tense=Pres", "", "", "", "", "", "", "", ""])
    assert not modality._future(list(doc))
    future = Doc(parser.vocab, words=["Es", "wird", "steigen"], tags=["PPER", "VAFIN", "VVINF"], heads=[2, 2, 2],
                 deps=["nsubj", "aux", "ROOT"], lemmas=["es", "werden", "steigen"],
                 morphs=["", "Mood=Ind|Tense=Pres", ""])
    assert modality._future(list(future))


def test_a_forecast_of_any_kind_is_its_own_quantity(claims_of):
    # the measure's action records the forecast (the contract's "hedged" stays for unconfirmed reports)
    forecast = claims_of("Der Konzern wird im kommenden Jahr voraussichtlich 900 Millionen Euro umsetzen.")[9e8]
    done = claims_of("Der Konzern setzte im vergangenen Jahr 900 Millionen Euro um.")[9e8]
    assert (forecast.hedged, forecast.measure.action) == (False, "planned")
    assert done.measure.action != "planned" and done.measure.key() != forecast.measure.key()


# --- review rv43: what the rules must not reach ------------------------------------------------------------------

NOT_REACHED_CASES = [   # (text, value, hedged, planned): test_modality_of_the_figures_clause
    # a definite phrase behind the verb is what the clause asserts ("es kam zu", "führte zu", "endete mit"): the
    # hedge is the figure's; only the frame before a verb-second clause's finite verb is taken as known
    ("Offenbar kam es bei dem Unglück zum Tod von 30 Menschen.", 30, True, False),
    ("Die Explosion führte vermutlich zum Einsturz von drei Häusern.", 3, True, False),
    ("Der Anschlag soll zum Tod von 12 Menschen geführt haben.", 12, True, False),
    ("Wegen der Festnahme von 30 Journalisten soll der Botschafter einbestellt worden sein.", 30, False, False),
    # ... but a figure in the noun's own word names a known thing wherever it stands
    ("Der Verein könnte bald die Geduld mit dem 34-Jährigen verlieren.", 34, False, False),
    # a feared toll is no forecast ("befürchten" is no expectation verb); a feared rise in the future tense is
    ("Die Helfer befürchten bis zu 100 Tote.", 100, False, False),
    ("Die Retter befürchten, dass in dem Dorf 40 Menschen starben.", 40, False, False),
    ("Helfer befürchten, dass die Zahl der Toten auf 500 steigen wird.", 500, False, True),
    # "nach" with a definite article is as often "after": no basis; the bare noun and "laut" with any are
    ("Nach den Vorwürfen gegen den Trainer verließen 20 Spieler den Verein.", 20, False, False),
    ("Nach ersten Schätzungen kamen 200 Menschen ums Leben.", 200, True, False),
    ("Laut den Schätzungen der Helfer sind 3.000 Menschen obdachlos.", 3000, True, False),
    ("Laut Polizeiangaben wurden 35 Personen festgenommen.", 35, False, False),
    # the main clause's modal does not reach into a relative clause (GOVERNED without acl:relcl)
    ("Die Firma, die 300 Leute beschäftigt, soll zahlungsunfähig sein.", 300, False, False),
    ("Der Verein, der 900 Mitglieder hat, dürfte bald aufgelöst werden.", 900, False, False),
]


# --- session 20 (figsrc20): the present passive, particle verbs, an estimate on the figure's own clause -----------

ESTIMATE_CASES = [   # (text, value, hedged, planned): test_modality_of_the_figures_clause
    # a strong verb's participle has the infinitive's form and the tagger calls it one: with one argument only the
    # clause is the present passive (now), with a subject and an object beside "werden" the future (a forecast)
    ("In Wien werden täglich 300 Pakete verlassen.", 300, False, False),
    ("Jährlich werden 300 Anträge vergeben.", 300, False, False),
    ("Im Herbst werden 300 Schüler die Schule verlassen.", 300, False, True),
    ("Im nächsten Jahr werden die Kosten auf 40 Millionen Euro steigen.", 40000000, False, True),
    # a particle verb is another verb than its base: "rechnet ... ab" bills, "meldeten ... an" registers (expects)
    ("Die Klinik rechnet die 300 Behandlungen mit der Kasse ab.", 300, False, False),
    ("Die Veranstalter meldeten 5.000 Teilnehmer an.", 5000, False, True),
    ("Der Verein meldete an, dass 3.000 Läufer starten.", 3000, False, True),   # the verb above, read whole too
    # an estimate verb heading the figure's own clause hedges it, not where the figure is its subject
    ("Die Polizei schätzt die Zahl der Teilnehmer auf 5.000.", 5000, True, False),
    ("Der Schaden wird auf 40 Millionen Euro geschätzt.", 40000000, True, False),
    ("Die Ärzte vermuten 20 weitere Fälle.", 20, True, False),
    ("Die 300 Mitglieder schätzen den Austausch.", 300, False, False),
    # review rv46: "schätzen"/"vermuten" of a known thing the figure stands in (value, place) is no estimate
    ("Die Kunden schätzen die 300 Filialen der Sparkasse.", 300, False, False),
    ("Die Anwohner schätzen den 40 Jahre alten Stadtpark sehr.", 40, False, False),
    ("Die Ermittler vermuten die 20 Täter im Ausland.", 20, False, False),
    ("Viele Gäste schätzen das Angebot von 300 Kursen.", 300, False, False),
    ("Helfer vermuten mehr als 200 Verschüttete.", 200, True, False),
    ("Die Zahl der Obdachlosen wird auf 20.000 geschätzt.", 20000, True, False),
    ("Die Helfer schätzen die Zahl der Verletzten auf weit über 2.000.", 2000, True, False),
]


@pytest.mark.parametrize("text,value,hedged,planned", CLAUSE_CASES + REACH_CASES + NOT_REACHED_CASES + ESTIMATE_CASES)
def test_modality_of_the_figures_clause(parser, text, value, hedged, planned):
    m = _modal(parser, text)[value]
    assert m is not None and (m.hedged, m.planned) == (hedged, planned)


# --- session 21 (figsrc21): a present passive on a named day, a dass-clause the parser labels adverbial ----------

@pytest.mark.parametrize("text,value,planned", [
    # the present with a named day (the times component's date) is what is scheduled: "werden" + participle is a
    # plan either way
    ("Beim Festival werden am Mittwoch fünf Freikarten vergeben.", 5, True),
    # a frequency is no day: the present passive tells what happens now
    ("In den Zentren werden täglich 800 Menschen empfangen.", 800, False),
    ("Am Mittwoch wurden fünf Freikarten vergeben.", 5, False),
    # final read: a day "seit" names is where what goes on now began - no day it is scheduled for
    ("Seit dem 3. Mai werden im Museum täglich 700 Besucher empfangen.", 700, False),
    # session 22 (werden22): one reading of "werden" (extract/werden.py) - the future of reported speech where the
    # parser hangs "werde" on the object, a present passive of a weak participle on a named time
    ("Ein Sprecher sagte, die Stadt werde 300 Wohnungen bauen.", 300, True),
    ("Im Frühjahr werden in Kärnten 120 Lehrer eingestellt.", 120, True),
    ("In Graz werden täglich 40 Anträge bearbeitet.", 40, False),
    # review rv22: "zurzeit", "derzeit" (the times component's PRESENT_REF) name no day a thing is scheduled for
    ("Zurzeit werden in Linz 60 Verletzte behandelt.", 60, False),
    # a year in brackets is an aside's, not the day the verb is scheduled for
    ("Immer mehr Schüler werden in Förderklassen unterrichtet (2010: 5,3 Prozent).", 5.3, False),
    # session 31 (grp31): a verb-final "werden" in a dass-clause is the finite verb though the tagger calls it an
    # infinitive - a forecast of a toll, not a reported toll; a present passive there stays a report
    ("Die Behörden befürchten, dass mehr als 1.000 Menschen sterben werden.", 1000, True),
    ("Die Helfer glauben, dass bis zu 400 Dorfbewohner verhungern werden.", 400, True),
    ("Die Polizei teilte mit, dass 30 Menschen verletzt wurden.", 30, False),
])
def test_werden_is_planned_as_the_future_or_on_a_named_day(claims_of, text, value, planned):
    c = claims_of(text)[value]
    assert (c.measure.action == "planned", c.hedged) == (planned, False)


@pytest.mark.parametrize("text,value,planned", [
    # "dass" opens a complement clause also where the parser labels it adverbial: the expectation above governs it
    ("Es wird erwartet, dass 800 Gäste kommen.", 800, True),
    ("Die Firma erwartet, dass im Herbst 200 Stellen wegfallen.", 200, True),
    # "so dass" is a clause of result: nothing above governs it
    ("Es regnete so stark, dass 300 Keller überflutet wurden.", 300, False),
    # what follows the verb-final clause (the parse joins an "als" clause to it) is no part of it: not estimated
    ("Die Forscher schätzen, dass die Beteiligung auf 60 Prozent steigen könnte – nach zuletzt 45 Prozent, als der "
     "Bürgermeister 2012 gewählt wurde.", 45, False),
])
def test_an_adverbial_dass_clause_is_governed_by_the_verb_above(parser, text, value, planned):
    m = _modal(parser, text)[value]
    assert m is not None and (m.hedged, m.planned) == (False, planned)
