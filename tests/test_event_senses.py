"""Event triggers read in the sense of the article's domain (extract/domain.py, lang/de/event_senses.tsv):
a match report's "trifft auf" is a match, a film review's "wird entführt" a plot. The texts are invented."""
from __future__ import annotations

import warnings

import pytest

from lagebild.extract import domain as D
from lagebild.lang.de.event_words import domain_senses

MATCH = ("Der Tabellenführer gewann am Samstag vor 20.000 Zuschauern im heimischen Stadion mit 3:1 gegen den "
         "Aufsteiger. Der Stürmer traf in der 12. Minute per Kopfball nach einer Ecke, der Trainer lobte nach dem "
         "Schlusspfiff die Abwehr und den Torhüter. In der Liga liegt die Mannschaft nun vier Punkte vor dem Zweiten, "
         "in der nächsten Runde trifft sie auswärts auf den Meister. Im Angriff fehlt dem Coach dann der gesperrte "
         "Mittelfeldspieler, der in der Nachspielzeit die Rote Karte gesehen hatte.")
PARLIAMENT = ("Die Regierung hat am Mittwoch im Parlament einen Entwurf für ein neues Asylgesetz vorgelegt. Die "
              "Opposition kritisierte die Pläne des Innenministers scharf und kündigte an, im Ausschuss dagegen zu "
              "stimmen. Bundeskanzler Olaf Brenner traf am Freitag in Berlin den Ministerpräsidenten Markus Keller, um "
              "über die Verteilung der Flüchtlinge und die Kosten für Gemeinden zu beraten. Die Koalition braucht "
              "für das Gesetz eine Mehrheit im Bundesrat.")


@pytest.fixture(scope="module")
def nlp():
    from lagebild.pipeline import build_nlp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_nlp(["events"])


def events_of(nlp, text, domain=None):
    """The events of `text`; `domain` set on the Doc where given (else the model reads it)."""
    doc = nlp.make_doc(text)
    doc._.article_id = "t.txt"
    doc._.dct = "2025-03-10"
    if domain is not None:
        doc.user_data["_lagebild_domain"] = domain
    return nlp(doc)._.events


def types(evs):
    return [(e.type, e.trigger) for e in evs]


def event_types(nlp, text, domain=None):
    """The types of the events of `text` read in `domain` (pytest shows the list where an assertion fails)."""
    return [e.type for e in events_of(nlp, text, domain)]


def test_the_model_reads_a_match_report_as_sport_and_a_parliament_report_not():
    assert D.load_model() is not None                      # packaged (models/domain)
    assert D.domain_of_text(MATCH) == "Sport"
    assert D.domain_of_text(PARLIAMENT) != "Sport"


def test_a_match_report_has_no_meeting_and_no_attack(nlp):
    evs = events_of(nlp, MATCH)
    assert not [e for e in evs if e.type in ("CONSULT", "ASSAULT")], types(evs)


def test_a_meeting_in_a_parliament_report_stays(nlp):
    evs = events_of(nlp, PARLIAMENT)
    assert [e for e in evs if e.type == "CONSULT"], types(evs)


def test_the_same_sentence_is_read_by_the_domain(nlp):
    text = "Am Sonntag trifft Jonas Berger in Wien auf Lukas Hofmann."      # a match, or a meeting
    assert "CONSULT" not in event_types(nlp, text, "Sport")
    assert "CONSULT" in event_types(nlp, text, "International")


def test_an_abduction_in_a_review_is_a_plot_unless_its_clause_names_a_place(nlp):
    plot = "Im Film wird der Regisseur Paul Weber von Rebellen entführt."
    assert "ASSAULT" not in event_types(nlp, plot, "Kultur")
    assert "ASSAULT" in event_types(nlp, plot, "Panorama")
    real = "Nach der Entführung des Regisseurs in Mexiko sagte das Festival die Premiere ab."
    assert "ASSAULT" in event_types(nlp, real, "Kultur")


def test_the_senses_table_keys_words_types_and_modes():
    senses = domain_senses()
    assert any("Sport" in s.domains and s.kind == "verb" for s in senses["treffen"])
    assert "zurückkehren" in senses                        # the separable bar dropped
    assert any("Kultur" in s.domains and "place" in s.unless for s in senses["ASSAULT"])


def test_a_sentence_or_two_is_too_short_for_a_domain(nlp):
    assert D.domain_of_text("Der Stürmer traf in der 90. Minute zum 2:1 für die Gäste.") is None
    evs = events_of(nlp, "Bundeskanzler Olaf Brenner traf am Montag in Paris den Präsidenten Jean Martin.")
    assert [e for e in evs if e.type == "CONSULT"], types(evs)


def test_an_attack_in_an_article_read_as_web_stays(nlp):
    text = "Anhänger des Präsidenten haben den Journalisten Paul Weber angegriffen."     # no place in the clause
    assert "ASSAULT" in event_types(nlp, text, "Inland")
    assert "ASSAULT" in event_types(nlp, text, "Web")


def test_an_election_in_an_article_read_as_sport_stays(nlp):
    text = "Carlos Ruiz wurde am Sonntag in Bogotá mit 62 Prozent zum Präsidenten gewählt."   # a race with a winner
    assert "VOTE" in event_types(nlp, text, "Sport")


def test_an_attack_on_a_culture_venue_told_in_the_past_stays(nlp):
    # review rv: a report in a culture or media article (past tense, active or passive) is no plot told in the
    # present - an attack on an opera house or a cinema, a director's flight in a biography
    opera = "Das Opernhaus wurde am Samstagabend von Bewaffneten angegriffen, zwei Besucher starben."
    assert "ASSAULT" in event_types(nlp, opera, "Kultur")
    cinema = "Maskierte Männer überfielen am Freitag das Kino und bedrohten die Besucher."
    assert "ASSAULT" in event_types(nlp, cinema, "Etat")
    exile = "Der Regisseur floh 1979 aus seiner Heimat."
    assert "DISPLACE" in event_types(nlp, exile, "Kultur")


def test_a_plot_told_in_the_present_is_no_event(nlp):
    plot = "Im zweiten Teil wird der Kommissar Jan Richter von Rebellen entführt."
    assert "ASSAULT" in event_types(nlp, plot, "Panorama")
    assert "ASSAULT" not in event_types(nlp, plot, "Kultur")


def test_a_reflexive_meeting_in_a_sport_article_stays(nlp):
    # "sich treffen (mit)" is a meeting in any section; "traf" alone in a match report a goal
    text = "Der Präsident des Vereins traf sich am Montag in Wien mit dem Innenminister."
    assert "CONSULT" in event_types(nlp, text, "Sport")
    goal = "Der Stürmer traf am Samstag zweimal gegen den Meister."
    assert "CONSULT" not in event_types(nlp, goal, "Sport")


def test_an_occupation_and_a_treaty_in_a_sport_article_stay(nlp):
    # review rv: no Sport flag on besetzen and unterzeichnen - they changed nothing on 300 unseen articles and a
    # sport article's politics lost its events (activists occupying a stadium, a federation signing an agreement)
    occupied = "Rund 200 Aktivisten besetzten am Samstag das Olympiastadion in Rio und forderten Wohnungen."
    assert "ASSAULT" in event_types(nlp, occupied, "Sport")
    signed = "Die Fifa und die Regierung von Katar unterzeichneten am Montag ein Abkommen über die Rechte der Arbeiter."
    assert "AGREE" in event_types(nlp, signed, "Sport")


def test_a_hooligan_attack_in_a_sport_article_stays(nlp):
    # review rv: no Sport flag on angreifen - it changed nothing on 300 unseen articles, and supporters attacking
    # the police outside a stadium (no named place in the clause) went; attacking play is told without an object
    riot = "Hunderte Anhänger griffen vor dem Stadion Polizisten mit Flaschen an, 20 Beamte wurden verletzt."
    assert "ASSAULT" in event_types(nlp, riot, "Sport")


def test_a_blast_in_an_economy_article_and_a_plane_crash_in_a_web_article_stay(nlp):
    # review rv: no Wirtschaft flag on explosions, no Web flag on crashes - neither changed anything on 300 unseen
    # articles, and a chemical plant's blast (read as Wirtschaft, p 0.78) or a crash whose video spread online
    # (read as Web, p 0.99) went
    blast = "Bei einer Explosion in der Fabrik wurden drei Arbeiter getötet."
    assert "ACCIDENT" in event_types(nlp, blast, "Wirtschaft")
    crash = "Ein Flugzeug mit 100 Passagieren ist abgestürzt."
    assert "ACCIDENT" in event_types(nlp, crash, "Web")
