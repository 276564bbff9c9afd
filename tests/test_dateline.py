"""The article's dateline, read once (`lagebild.extract.dateline`) for entities, events and attribution."""
from __future__ import annotations


def _doc(nlp, text):
    doc = nlp.make_doc(text)
    doc._.article_id = "t.txt"
    doc._.dct = "2025-03-10"
    return nlp(doc)


def _dateline_names(nlp, text):
    """The dateline's places as the text writes them; None where the text has no dateline."""
    from lagebild.extract.dateline import dateline

    line = dateline(nlp(text))
    return None if line is None else [text[a:b] for a, b in line.places]


def test_the_dateline_is_read_from_tokens_with_its_joined_places(nlp):
    from lagebild.extract.dateline import dateline

    text = "Gipfel ohne Ergebnis. Lyon/Genf – Die Minister haben am Montag keine Einigung erzielt."
    line = dateline(nlp(text))
    assert [text[a:b] for a, b in line.places] == ["Lyon", "Genf"]
    assert text[line.start:line.end] == "Lyon/Genf – "
    # a hyphenated name, and a dash clinging to the name, are a dateline too
    text = "Streit um Wasser. Neu-Ulm – Die Stadt hat am Montag die Preise erhöht."
    line = dateline(nlp(text))
    assert [text[a:b] for a, b in line.places] == ["Neu-Ulm"]
    text = "Streit um Wasser. Bregenz– Die Stadt hat am Montag die Preise erhöht."
    line = dateline(nlp(text))
    assert [text[a:b] for a, b in line.places] == ["Bregenz"] and text[line.start:line.end] == "Bregenz– "
    # a name, a dash, a lowercase word and a second dash: an aside about the name, which is the subject
    assert dateline(nlp("Der Zulieferer baut um. Mahle – das Unternehmen zählt 70.000 Beschäftigte – streicht "
                        "Stellen.")) is None


def test_a_dateline_after_a_title_line_is_the_desk_for_events_too(nlp):
    # the title ends with no full stop, the dateline opens the next line: entities, events and attribution read
    # the one dateline; events once asked for a full stop before it
    text = "Razzia am Hauptbahnhof\nLinz – Die Polizei hat am Montag zwei Männer festgenommen."
    doc = _doc(nlp, text)
    assert [e.place.name for e in doc._.events if e.type == "COERCE"] == ["Linz"]
    assert [m.label for m in doc._.mentions if m.text == "Linz"] == ["LOC"]


def test_only_the_articles_dateline_is_no_speaker(nlp):
    # 'Name – ...' opening a later sentence is no dateline: attribution asks the article's one reading
    from lagebild.extract.attribution.figures import dateline as is_dateline

    doc = nlp("Wahl im Land. Graz – Die Landesregierung tagte am Montag. Leoben – Der Ort meldet 300 neue Wohnungen.")
    heads = {t.text: t for t in doc}
    assert is_dateline(heads["Graz"]) and not is_dateline(heads["Leoben"])


def test_an_abbreviations_or_ordinals_period_opens_no_dateline(nlp):
    # 'St.' is one token with its period: the name after it does not open a sentence, the dateline is the whole name
    text = "Neue Bezirke für das Land. St. Veit – Der Landtag hat am Montag die Reform beschlossen."
    assert _dateline_names(nlp, text) == ["St. Veit"]
    # a title line's dash after an ordinal's date ('am 3. März –') is no dateline; the one after the title is
    text = "Nächste Sitzung am 3. März – Huber plant keine Reform. Graz – Die Stadt hat am Montag beraten."
    assert _dateline_names(nlp, text) == ["Graz"]
    # a cardinal's period ends the sentence: the year before the dateline keeps it
    text = "Die Mieten stiegen zwischen 2010 und 2019. Linz – Die Stadt hat am Montag neue Zahlen vorgelegt."
    assert _dateline_names(nlp, text) == ["Linz"]


def test_a_hyphen_minus_standing_for_the_dash_makes_a_dateline(nlp):
    from lagebild.extract.attribution.figures import dateline as is_dateline
    from lagebild.extract.dateline import dateline

    text = "Neue Regeln für Taxis. Linz - Die Stadt hat am Dienstag die Tarife erhöht."
    doc = nlp(text)
    line = dateline(doc)
    assert line is not None and [text[a:b] for a, b in line.places] == ["Linz"]
    assert is_dateline(next(t for t in doc if t.text == "Linz"))
    # a hyphen-minus aside about the name, as with the dash: no dateline
    assert dateline(nlp("Der Händler baut um. Spar - die Kette zählt 400 Filialen - schließt Läden.")) is None


def test_a_hyphen_minus_between_a_place_and_no_sentences_opening_is_no_dateline(nlp):
    from lagebild.extract.dateline import dateline

    # a hyphen-minus is typed in lists and between two places as often as for the dash: it makes a dateline only
    # where a sentence opens after it - not a number (a list's figure), not a second place's name (a route, a
    # title's pairing), not a name before a colon
    assert dateline(nlp("Neue Plätze im Herbst\nLinz - 300 Plätze\nSteyr - 120 Plätze\nWels - 90 Plätze")) is None
    text = "Köln - Bonn: Autobahn wieder frei\n\nDüsseldorf - Die Polizei hat am Morgen die Sperre aufgehoben."
    assert _dateline_names(nlp, text) == ["Düsseldorf"]
    assert dateline(nlp("Der Zug fährt stündlich. Salzburg - Villach ist die schnellste Strecke im Süden.")) is None
    assert dateline(nlp("Neue Wahl. Graz - Grüne: 14 Prozent, Neos: 5 Prozent.")) is None
    # a person's name opens the report's sentence: the dateline stays
    text = "Neue Spitze.\nMainz - Klaus Weber hat am Montag den Vorsitz der Partei übernommen."
    assert _dateline_names(nlp, text) == ["Mainz"]


def test_an_agencys_bracket_and_a_slashed_name_of_one_place(nlp):
    from lagebild.extract.dateline import dateline

    # the agency's bracket stands between the name and the dash; it is no place and no part of one
    text = "Zinsen bleiben niedrig. Bonn (AFP) – Die Bank hat am Montag entschieden."
    assert _dateline_names(nlp, text) == ["Bonn"]
    # 'Frankfurt/Oder': one town's name the gazetteer holds, not two joined places; 'Köln/Wien' are two
    text = "Brücke gesperrt. Frankfurt/Oder (dpa) – Die Polizei hat am Montag die Brücke gesperrt."
    assert _dateline_names(nlp, text) == ["Frankfurt/Oder"]
    text = "Neue Route. Köln/Wien (APA) – Die Bahn fährt ab Mai direkt."
    assert _dateline_names(nlp, text) == ["Köln", "Wien"]
    # a bracket after a name the gazetteer does not know is a party's in a list, no agency's: no dateline
    assert dateline(nlp("Das neue Kabinett:\nAnna Berger (SPD) - Innenministerin\nKarl Huber (CSU) - Finanzen")) is None


def test_a_title_lines_dash_yields_to_the_dateline_on_the_next_line(nlp):
    text = "Teure Mieten – Mieter wehren sich\n\nInnsbruck – Der Mieterverein hat am Montag geklagt."
    assert _dateline_names(nlp, text) == ["Innsbruck"]
    # a name opening a sentence later in the text is no dateline of the article
    text = "Teure Mieten – Mieter wehren sich\nDer Verein hat geklagt. Innsbruck – Die Stadt schweigt."
    assert _dateline_names(nlp, text) == ["Teure Mieten"]


def test_an_agency_lines_place_after_a_date_is_where_the_report_is_filed(nlp):
    # entities and events ask one reading (`colon_line`): a capital opening a line with a colon, a date before it,
    # is the city the report comes from, not its government
    from lagebild.extract.dateline import colon_line

    text = "Meldungen vom Tage\n12.03.2015 Kairo: Die Regierung hat am Montag neue Wahlen angekündigt.\n"
    doc = _doc(nlp, text)
    assert [(m.label, m.ref.split(":")[0]) for m in doc._.mentions if m.text == "Kairo"] == [("LOC", "geo")]
    start = text.index("Kairo")
    assert colon_line(text, start) and colon_line(text, start, start + len("Kairo"))
    assert not colon_line("Er sagte in Kairo: Wir bleiben.", len("Er sagte in "))


def test_a_results_line_pairing_two_sides_is_no_dateline(nlp):
    from lagebild.extract.dateline import dateline

    # two sides' names joined by a dash (a hyphen-minus or a dash) with the match result after the second: a pairing
    assert dateline(nlp("Eishockey, 12. Runde\nVillach - Klagenfurt 4:2\nDie Kärntner spielten vor vollem Haus.")) \
        is None
    assert dateline(nlp("Pokal. Real Madrid – Atletico Madrid 1:1 n.V.\nDas Derby ging ins Elfmeterschießen.")) is None
    # a dateline whose report's sentence carries a result stays the dateline
    text = "Derbysieg.\nInnsbruck - Die Innsbrucker gewannen am Samstag 2:1 gegen Salzburg."
    assert _dateline_names(nlp, text) == ["Innsbruck"]
    # a time of day after the dash is no result: the dateline stays
    text = "Neuer Landtag.\nGraz – Um 10:30 Uhr begann am Montag die erste Sitzung."
    assert _dateline_names(nlp, text) == ["Graz"]


def test_the_last_mark_before_a_word_skips_white_space_of_any_kind():
    # where a dateline may open: the character before a word, past spaces, tabs, line breaks and no-break spaces
    from lagebild.extract.dateline import _last_mark
    text = "Ende.\u00a0\n\t Wien – Die Stadt"
    assert text[_last_mark(text, text.index("Wien"))] == "."
    assert _last_mark("  Wien", 2) == -1 and _last_mark("", 0) == -1


def test_the_last_mark_is_where_stripping_the_text_before_ends_for_every_white_space():
    # every character Python counts as white space (no-break, narrow no-break, ideographic space, line and
    # paragraph separators, tabs, form feeds), alone, mixed and at the text's start: as text[:end].rstrip() reads it
    import sys
    from lagebild.extract.dateline import _last_mark
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert "\u00a0" in spaces and "\u202f" in spaces and "\u2028" in spaces
    texts = [s + "Wien" for s in spaces] + ["Ende." + s + "Wien" for s in spaces] + \
        ["Ende!" + "".join(spaces) + "Wien", "", "Wien", "a\u200bWien"]
    for text in texts:
        for end in range(len(text) + 1):
            before = text[:end].rstrip()
            last = _last_mark(text, end)
            assert (last < 0) == (not before) and (not before or text[last] == before[-1]), (text, end)
