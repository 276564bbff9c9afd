"""One reading of "werden" with a verb form (extract/werden.py), read off the parse: the future (with an infinitive,
also the Konjunktiv I of reported speech), the passive (with a participle, also a strong participle of the
infinitive's form in a clause of one argument, or with a frequency or a "seit" span), the conditional ("würde").
Invented sentences; the trained pipeline parses (skips where none is packaged)."""
from __future__ import annotations

import pytest

from lagebild.extract.werden import werden_reading


@pytest.fixture(scope="module")
def reading(parser):
    def go(text: str, verb: str):
        doc = parser(text)
        tok = next(t for t in doc if t.text == verb)
        return werden_reading(tok)

    return go


@pytest.mark.parametrize("text,verb,future,passive,conditional", [
    ("Die Truppen werden die Brücke sprengen.", "sprengen", True, False, False),
    ("Der Sprecher sagte, die Polizei werde das Camp räumen.", "räumen", True, False, False),
    ("Die Brücke wird gesprengt.", "gesprengt", False, True, False),
    ("Die Brücke wurde gestern gesprengt.", "gesprengt", False, True, False),
    ("Die Brücke wird gesprengt werden.", "gesprengt", True, True, False),
    ("Die Truppen würden die Brücke sprengen.", "sprengen", False, False, True),
    # a strong participle of the infinitive's form: one core argument, or a frequency, makes it a passive
    ("In den Bergen werden immer wieder Wanderer von Lawinen verschüttet.", "verschüttet", False, True, False),
    ("Im Hafen werden wöchentlich Frachter von Zöllnern überprüft.", "überprüft", False, True, False),
    ("Im Grenzgebiet werden Lastwagen von Schmugglern überfallen.", "überfallen", False, True, False),
    ("Die Pensionisten werden im Herbst 40 Euro mehr erhalten.", "erhalten", True, False, False),
    # review rv22: the lexicon gives an -ieren infinitive a participle reading near its best; a weak verb's
    # participle ends in -iert, so one argument does not make it a passive
    ("Die Nationalgarde wird in Kiew patrouillieren.", "patrouillieren", True, False, False),
    # review rv22: the parser hangs the subject with its own article on the object as "amod"; still two arguments
    ("Im Sahel werden die Milizen Dörfer überfallen.", "überfallen", True, False, False),
    # events23: the tagger calls the subject an adjective (ADJA, amod of the object) and hangs its article on the
    # object; a capitalised word inside the sentence is a noun, its own argument
    ("In Mali werden die Islamisten Kasernen überfallen.", "überfallen", True, False, False),
    # review rv22: a participle with the infinitive "sein" under a present "werden" is a future, no present passive
    ("Zur Konferenz in Oslo werden auch die Außenminister der Nachbarländer gekommen sein.", "gekommen", True, True,
     False),
    # a modal's passive infinitive, a verb-final "werden" the tagger may call an infinitive: passives, no future
    ("Die Brücke soll im Mai gesprengt werden.", "gesprengt", False, True, False),
    ("Häftlinge, die nach Italien abgeschoben werden, verlieren ihren Anspruch.", "abgeschoben", False, True, False),
    # a verb-final "werden" after a subordinator the tagger calls an infinitive is the finite future
    ("Man wird sehen, wie sich die Wähler auf die Parteien verteilen werden.", "verteilen", True, False, False),
    # review src32: the Konjunktiv II "würde" (Tense=Past) takes an infinitive, unlike the past "wurde": a strong
    # participle of the infinitive's form beside a subject and an object is that infinitive, also where the tagger
    # calls it a participle ("entlassen" VVPP); with one core argument it stays a passive
    ("Die Partei würde die Koalition verlassen.", "verlassen", False, False, True),
    ("Der Präsident würde die Gäste im Schloss empfangen.", "empfangen", False, False, True),
    ("Der Konzern würde die Mitarbeiter entlassen, wenn der Umsatz sinkt.", "entlassen", False, False, True),
    ("Die Mitarbeiter würden entlassen, wenn der Umsatz sinkt.", "entlassen", False, True, True),
    ("Das Grundstück würde von der Stadt gekauft.", "gekauft", False, True, True),
])
def test_the_construction(reading, text, verb, future, passive, conditional):
    r = reading(text, verb)
    assert r is not None and (r.future, r.passive, r.conditional) == (future, passive, conditional)


def test_no_werden_no_reading(reading):
    assert reading("Die Truppen sprengten die Brücke.", "sprengten") is None


@pytest.fixture(scope="module")
def timed_reading(parser):
    """With the times component's spans (a frequency, a date) on the doc."""
    from lagebild.pipeline import build_nlp

    nlp = build_nlp()

    def go(text: str, verb: str):
        doc = nlp.make_doc(text)
        doc._.article_id = "t.txt"
        doc = nlp(doc)
        return werden_reading(next(t for t in doc if t.text == verb))

    return go


def test_frequency_and_since_make_it_ongoing_a_day_dated(timed_reading):
    r = timed_reading("Seit Montag werden an der Grenze täglich Lastwagen kontrolliert.", "kontrolliert")
    assert r.ongoing and r.passive
    r = timed_reading("Am Mittwoch werden an der Grenze Lastwagen kontrolliert.", "kontrolliert")
    assert r.dated and not r.ongoing
