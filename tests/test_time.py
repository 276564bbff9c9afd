"""Time expressions: German text in, TIMEX3 values relative to the publication date out."""
from __future__ import annotations

import warnings

import pytest

from lagebild.extract.time import DCT, find_times

DCT_DAY = "2025-06-18"  # a Wednesday, ISO week 25

# (sentence, expression as found, type, value, mod)
CASES = [
    # explicit dates
    ("Das teilte TASS am 17. Juni mit.", "17. Juni", "DATE", "2025-06-17", None),
    ("Der Vertrag wurde im Juni 2024 unterzeichnet.", "Juni 2024", "DATE", "2024-06", None),
    ("Beitrag vom 13.01.2025 | 1:27 min", "13.01.2025", "DATE", "2025-01-13", None),
    ("Den Vertrag hatte Kim 2024 mit Putin unterzeichnet.", "2024", "DATE", "2024", None),
    ("Nordkorea hatte den Einsatz am 28. April bekannt gegeben.", "28. April", "DATE", "2025-04-28", None),
    ("Südkoreas Geheimdienst gab im April an, dass 600 gefallen sind.", "April", "DATE", "2025-04", None),
    ("Die Wiedervereinigung am 3. Oktober 1990 war ein Einschnitt.", "3. Oktober 1990", "DATE", "1990-10-03", None),
    ("Am Montag, 17. März 2025, begann die Sitzung.", "Montag, 17. März 2025", "DATE", "2025-03-17", None),
    ("Der Bericht erschien am 2025-06-17 online.", "2025-06-17", "DATE", "2025-06-17", None),
    ("Im Jänner 2024 schneite es stark.", "Jänner 2024", "DATE", "2024-01", None),
    ("Im Jahr 2024 wurde der Vertrag geschlossen.", "Jahr 2024", "DATE", "2024", None),
    ("Seit Februar 2022 führt Russland einen Angriffskrieg.", "Februar 2022", "DATE", "2022-02", None),
    ("Im Frühjahr 2023 begann die Gegenoffensive.", "Frühjahr 2023", "DATE", "2023-SP", None),
    ("Im ersten Quartal 2025 sank der Umsatz.", "ersten Quartal 2025", "DATE", "2025-Q1", None),
    ("In den 90er Jahren zerfiel die Sowjetunion.", "den 90er Jahren", "DATE", "199", None),
    ("In den neunziger Jahren war alles anders.", "den neunziger Jahren", "DATE", "199", None),
    ("Im 20. Jahrhundert gab es zwei Weltkriege.", "20. Jahrhundert", "DATE", "19", None),
    ("Anfang März 2022 stand die Armee vor Kiew.", "Anfang März 2022", "DATE", "2022-03", "START"),
    ("Ende April behauptete Russland, das Gebiet zurückerobert zu haben.", "Ende April", "DATE", "2025-04", "END"),
    ("Ukrainische Streitkräfte waren Mitte 2024 dort eingedrungen.", "Mitte 2024", "DATE", "2024", "MID"),
    ("Die Zahl ging gegenüber dem Juni des vergangenen Jahres zurück.", "dem Juni des vergangenen Jahres", "DATE", "2024-06", None),
    # relative to the publication date
    ("Russland hatte am Samstag erstmals eingeräumt, Soldaten eingesetzt zu haben.", "Samstag", "DATE", "2025-06-14", None),
    ("Die staatliche Agentur meldete am Montag den Abschluss.", "Montag", "DATE", "2025-06-16", None),
    ("Am Sonntag wird in Polen gewählt.", "Sonntag", "DATE", "2025-06-22", None),
    ("Am vergangenen Freitag wurde er festgenommen.", "vergangenen Freitag", "DATE", "2025-06-13", None),
    ("Am kommenden Montag beginnt der Gipfel.", "kommenden Montag", "DATE", "2025-06-23", None),
    ("Gestern griff Russland die Stadt an.", "Gestern", "DATE", "2025-06-17", None),
    ("Vorgestern wurde er zuletzt gesehen.", "Vorgestern", "DATE", "2025-06-16", None),
    ("Der Gipfel beginnt morgen in Brüssel.", "morgen", "DATE", "2025-06-19", None),
    ("Die Delegation reist übermorgen ab.", "übermorgen", "DATE", "2025-06-20", None),
    ("Heute hat der Minister seinen Rücktritt angekündigt.", "Heute", "DATE", "2025-06-18", None),
    ("Heute ist vieles anders als damals.", "Heute", "DATE", "PRESENT_REF", None),
    ("Vor zwei Wochen meldete die Armee neue Angriffe.", "Vor zwei Wochen", "DATE", "2025-W23", None),
    ("Vor vier Tagen wurde die Brücke zerstört.", "Vor vier Tagen", "DATE", "2025-06-14", None),
    ("Vor drei Monaten begann die Offensive.", "Vor drei Monaten", "DATE", "2025-03", None),
    ("Vor zehn Jahren wurde die Krim annektiert.", "Vor zehn Jahren", "DATE", "2015", None),
    ("Vor knapp einer Woche hatte die Armee erstmals ein Dorf eingenommen.", "Vor knapp einer Woche", "DATE", "2025-W24", "APPROX"),
    ("In drei Wochen soll der Vertrag unterzeichnet werden.", "In drei Wochen", "DATE", "2025-W28", None),
    ("Nordkorea hat im vergangenen Herbst etwa 10.000 Soldaten nach Russland entsandt.", "vergangenen Herbst", "DATE", "2024-FA", None),
    ("Die Soldaten, die bereits im November geschickt wurden, kämpfen in Kursk.", "November", "DATE", "2024-11", None),
    ("Im November soll in den USA gewählt werden.", "November", "DATE", "2025-11", None),
    ("Im vergangenen Jahr unterzeichneten die beiden Länder einen Vertrag.", "vergangenen Jahr", "DATE", "2024", None),
    ("Diesen Sommer intensivierte Russland seine Angriffe.", "Diesen Sommer", "DATE", "2025-SU", None),
    ("Im Winter soll die Offensive beginnen.", "Winter", "DATE", "2025-WI", None),
    ("Das Schiff war mit den letztjährigen Entsendungen verbunden.", "letztjährigen", "DATE", "2024", None),
    ("Heuer findet das Fest wieder statt.", "Heuer", "DATE", "2025", None),
    ("In der vergangenen Woche wurden drei Dörfer erobert.", "der vergangenen Woche", "DATE", "2025-W24", None),
    ("Nächste Woche trifft sich der Rat.", "Nächste Woche", "DATE", "2025-W26", None),
    ("Im vergangenen Monat stiegen die Preise.", "vergangenen Monat", "DATE", "2025-05", None),
    ("Am Wochenende wurden drei Dörfer erobert.", "Wochenende", "DATE", "2025-W24-WE", None),
    ("Der Bericht soll Ende des Jahres vorliegen.", "Ende des Jahres", "DATE", "2025", "END"),
    ("Anfang nächsten Jahres soll gewählt werden.", "Anfang nächsten Jahres", "DATE", "2026", "START"),
    ("In der zweiten Jahreshälfte soll die Produktion steigen.", "der zweiten Jahreshälfte", "DATE", "2025-H2", None),
    # times of day
    ("Gestern Abend explodierte eine Bombe.", "Gestern Abend", "TIME", "2025-06-17TEV", None),
    ("Am Samstagabend explodierte eine Bombe.", "Samstagabend", "TIME", "2025-06-14TEV", None),
    # the part of the day apart from the weekday: the adverb "früh", the old spelling's "abend"
    ("Am Sonntag früh stürzte in Linz ein Kran um.", "Sonntag früh", "TIME", "2025-06-15TMO", None),
    ("Am Dienstag abend tagte der Gemeinderat.", "Dienstag abend", "TIME", "2025-06-17TEV", None),
    ("Am Sonntag früher als sonst öffnete der Markt.", "Sonntag", "DATE", "2025-06-15", None),
    ("In der Nacht zum Sonntag griff Russland Kiew an.", "der Nacht zum Sonntag", "TIME", "2025-06-14TNI", None),
    ("Am Samstag um 15 Uhr begann der Angriff.", "15 Uhr", "TIME", "2025-06-14T15:00", None),
    ("Die Sitzung beginnt um 14.30 Uhr.", "14.30 Uhr", "TIME", "2025-06-18T14:30", None),
    ("Am 3. März 2022 fiel die Stadt, am nächsten Tag folgte die nächste.", "nächsten Tag", "DATE", "2022-03-04", None),
    # durations
    ("Schoigu war zum dritten Mal binnen fast drei Monaten in Pjöngjang.", "fast drei Monaten", "DURATION", "P3M", "LESS_THAN"),
    ("Lawrow ist zu einem dreitägigen Besuch in Wonsan.", "dreitägigen", "DURATION", "P3D", None),
    ("Die Offensive dauert nun schon fast dreieinhalb Jahre.", "fast dreieinhalb Jahre", "DURATION", "P3.5Y", "LESS_THAN"),
    ("Flüge soll es nach mehr als 30 Jahren wieder geben.", "mehr als 30 Jahren", "DURATION", "P30Y", "MORE_THAN"),
    ("Fast neun Stunden dauerte der Luftalarm.", "Fast neun Stunden", "DURATION", "PT9H", "LESS_THAN"),
    ("Nach monatelangen Kämpfen ist die Stadt zerstört.", "monatelangen", "DURATION", "PXM", None),
    ("Er saß zwei Jahre und drei Monate in Haft.", "zwei Jahre und drei Monate", "DURATION", "P2Y3M", None),
    ("Die Sitzung dauerte eine halbe Stunde.", "eine halbe Stunde", "DURATION", "PT0.5H", None),
    ("Drei Tage später kam die Antwort.", "Drei Tage später", "DURATION", "P3D", None),
    ("Seit Jahren wird darüber gestritten.", "Jahren", "DURATION", "PXY", None),
    ("Die Hilfe wird seit rund drei Jahren geleistet.", "rund drei Jahren", "DURATION", "P3Y", "APPROX"),
    # sets
    ("Täglich starten Drohnen.", "Täglich", "SET", "P1D", None),
    ("Der Bericht erscheint wöchentlich.", "wöchentlich", "SET", "P1W", None),
    ("Jeden Montag trifft sich der Stab.", "Jeden Montag", "SET", "XXXX-WXX-1", None),
    ("Die Busse fahren alle zwei Wochen.", "alle zwei Wochen", "SET", "P2W", None),
    ("Sonntags bleiben die Läden zu.", "Sonntags", "SET", "XXXX-WXX-7", None),
    # vague
    ("Der Flugverkehr soll bald wieder aufgenommen werden.", "bald", "DATE", "FUTURE_REF", None),
    ("Diese Truppen könnten in den kommenden Monaten eintreffen.", "den kommenden Monaten", "DATE", "FUTURE_REF", None),
    ("So halfen zuletzt auch nordkoreanische Soldaten.", "zuletzt", "DATE", "PRESENT_REF", None),
    ("Bereits jetzt kämpfen Tausende Nordkoreaner.", "jetzt", "DATE", "PRESENT_REF", None),
    ("Den schon vor Monaten unterbreiteten Vorschlag lehnt Moskau ab.", "vor Monaten", "DATE", "PAST_REF", None),
    ("Damals war alles anders.", "Damals", "DATE", "PAST_REF", None),
    ("Derzeit gibt es keine Gespräche.", "Derzeit", "DATE", "PRESENT_REF", None),
    ("In Zukunft sollen mehr Soldaten kommen.", "Zukunft", "DATE", "FUTURE_REF", None),
    ("Vor kurzem wurde das Dorf erobert.", "Vor kurzem", "DATE", "PAST_REF", None),
]


def _find(text: str, dct: str | None, expr: str):
    found = [t for t in find_times(text, dct, "test") if t.text == expr]
    assert found, f"{expr!r} not found in {text!r}: {[(t.text, t.value) for t in find_times(text, dct)]}"
    return found[0]


@pytest.mark.parametrize("text,expr,type_,value,mod", CASES, ids=[c[1] for c in CASES])
def test_expression(text, expr, type_, value, mod):
    t = _find(text, DCT_DAY, expr)
    assert (t.type, t.value, t.mod) == (type_, value, mod)
    assert text[t.start:t.end] == t.text


def test_at_least_sixty_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("text", [
    "Nordkorea schickt 2.000 Soldaten und 1500 Bauarbeiter.",
    "Der 47-jährige Minister trat zurück.",
    "Das Kind ist 16 Jahre alt.",
    "Die Resolutionen 1718 und 1874 verbieten das.",
    "August Bebel gründete die Partei.",
    "Der Winter-Biathlon fällt aus.",
    "Video: 1:27 min",
])
def test_not_time_expressions(text):
    assert [(t.text, t.value) for t in find_times(text, DCT_DAY)] == []


def test_range_gives_two_dates():
    found = find_times("Die Messe findet vom 5. bis 7. Juni 2025 statt.", DCT_DAY)
    assert [(t.text, t.value) for t in found] == [("5.", "2025-06-05"), ("7. Juni 2025", "2025-06-07")]


def test_precision_and_anchoring():
    by_text = {t.text: t for t in find_times(
        "Am 17. Juni meldete TASS das, im vergangenen Herbst Truppen, bald mehr, seit drei Monaten.", DCT_DAY)}
    assert by_text["17. Juni"].precision == "day"
    assert by_text["vergangenen Herbst"].precision == "season"
    assert by_text["bald"].anchored is False
    assert by_text["drei Monaten"].precision == "month"


# --- a publication date coarser than a day ----------------------------------------------------

def test_month_dct_resolves_explicit_day():
    t = _find("Das teilte TASS am 17. Juni mit.", "2025-06", "17. Juni")
    assert (t.value, t.precision) == ("2025-06-17", "day")


@pytest.mark.parametrize("text,expr", [
    ("Russland hatte am Samstag erstmals eingeräumt, Soldaten eingesetzt zu haben.", "Samstag"),
    ("Gestern griff Russland die Stadt an.", "Gestern"),
    ("In der Nacht zum Sonntag griff Russland Kiew an.", "der Nacht zum Sonntag"),
])
def test_month_dct_never_guesses_a_day(text, expr):
    t = _find(text, "2025-06", expr)
    assert t.precision in ("month", "year", "unknown")
    assert t.value is not None and t.value.startswith("2025")     # the year is known ...
    assert len(t.value) <= 7                                       # ... the day is not guessed


def test_month_dct_weekday_gets_the_month():
    t = _find("Die Agentur meldete am Sonntag den Abschluss.", "2025-07", "Sonntag")
    assert (t.value, t.precision) == ("2025-07", "month")


@pytest.mark.parametrize("dct", ["2025-07", "2025-03", "2025"])
def test_last_autumn_across_dct_precisions(dct):
    t = _find("Nordkorea hat im vergangenen Herbst Soldaten entsandt.", dct, "vergangenen Herbst")
    assert t.value == "2024-FA"


def test_november_past_with_month_dct():
    t = _find("die 11.000 Soldaten, die bereits im November geschickt wurden", "2025-07", "November")
    assert (t.value, t.precision) == ("2024-11", "month")


def test_without_dct_values_stay_underspecified():
    found = {t.text: t.value for t in find_times("Am Samstag griff Russland an, gestern auch, am 17. Juni und 2024.", None)}
    assert found == {"Samstag": "XXXX-WXX-6", "gestern": None, "17. Juni": "XXXX-06-17", "2024": "2024"}


def test_dct_parse():
    assert DCT.parse("2025-06-17T10:00:00+02:00").precision == "day"
    assert DCT.parse("2025-02").last.day == 28
    assert DCT.parse(None) is None
    with pytest.raises(ValueError, match="not an ISO date"):
        DCT.parse("17.06.2025")


def test_bad_dct_names_the_article():
    with pytest.raises(ValueError, match="art-7"):
        find_times("Gestern.", "yesterday", "art-7")


# --- the spaCy component ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def times_nlp():
    from lagebild.pipeline import build_nlp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_nlp(["times"])


def test_component_writes_doc_times(times_nlp):
    doc = times_nlp.make_doc("Russland hatte am Samstag erstmals eingeräumt, Soldaten eingesetzt zu haben.")
    doc._.dct, doc._.article_id = DCT_DAY, "a1"
    doc = times_nlp(doc)
    assert [(t.article, t.text, t.value) for t in doc._.times] == [("a1", "Samstag", "2025-06-14")]
    span = doc.char_span(doc._.times[0].start, doc._.times[0].end)
    assert span is not None and span.text == "Samstag"          # a token span


def test_sentence_final_year_keeps_its_full_stop_out(times_nlp):
    doc = times_nlp.make_doc("Die Mauer fiel erst im Herbst 1989.")
    doc._.dct = DCT_DAY
    assert [(t.text, t.value) for t in times_nlp(doc)._.times] == [("Herbst 1989", "1989-FA")]


# --- the seeds -------------------------------------------------------------------------------------

SEED_EXPECTED = {
    "000_aade96f29aaef1ae.txt": [("monatelangen", "PXM"), ("fast drei Monaten", "P3M"), ("mehr als 30 Jahren", "P30Y"),
                                 ("bald", "FUTURE_REF"), ("zuletzt", "PRESENT_REF"), ("Fast neun Stunden", "PT9H")],
    "001_f1b10fb3713ca5b6.txt": [("Juni 2024", "2024-06"), ("vergangenen Herbst", "2024-FA")],
    "002_b3ede1b15ff85e9a.txt": [("17. Juni", "XXXX-06-17"), ("Ende April", "XXXX-04"), ("Mitte 2024", "2024"),
                                 ("28. April", "XXXX-04-28"), ("2024", "2024"), ("April", "XXXX-04"),
                                 ("fast drei Monaten", "P3M")],
    "003_f47d6ef868a95d97.txt": [("jetzt", "PRESENT_REF"), ("den kommenden Monaten", "FUTURE_REF"),
                                 ("November", "2024-11"), ("letztjährigen", "2024")],
    "004_717496cbf72b2f1d.txt": [("Sonntag", "2025-07"), ("dreitägigen", "P3D"), ("Februar 2022", "2022-02"),
                                 ("vergangenen Jahr", "2024"), ("Samstag", "2025-07"), ("Vor knapp einer Woche", "2025-07"),
                                 ("fast dreieinhalb Jahre", "P3.5Y"), ("Diesen Sommer", "2025-SU"),
                                 ("vor Monaten", "PAST_REF")],
}


@pytest.fixture(scope="module")
def seed_times(seeds_dir):
    from lagebild.extract.pubdate import infer_published
    from lagebild.pipeline import analyse, read_articles

    articles, errors = read_articles([seeds_dir])
    assert not errors
    for a in articles:
        infer_published(a)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(articles, ["times"]).times


@pytest.mark.parametrize("article", sorted(SEED_EXPECTED))
def test_seed_expressions(seed_times, article):
    got = {(t.text, t.value) for t in seed_times if t.article == article}
    missing = [e for e in SEED_EXPECTED[article] if e not in got]
    assert not missing, f"{article}: missing {missing}; got {sorted(got, key=str)}"


def test_seed_weekdays_never_get_a_wrong_day(seed_times):
    weekdays = [t for t in seed_times if t.text in ("Montag", "Samstag", "Sonntag")]
    assert len(weekdays) >= 7
    assert all(t.precision != "day" for t in weekdays)


# --- the timeline ------------------------------------------------------------------------------------

def test_timeline_orders_by_the_time_referred_to():
    from lagebild.consolidate.timeline import interval, timeline
    from lagebild.model import Article, Claim, TimeValue

    def claim(i, value, mod=None, article="a"):
        return Claim(article, f"c{i}", "", i, i + 1, 1, 1, "exact", None, None, False, id=f"c{i}",
                     time=TimeValue(value, "unknown", mod=mod) if value else None)

    items = [claim(0, "2025-04", "END"), claim(1, "2024-FA"), claim(2, None, article="b"), claim(3, "2025-04"),
             claim(4, "PRESENT_REF", article="x"), claim(5, "2024-11-20"), claim(6, "2025-W24-WE")]
    arts = [Article("b", "", published="2025-06", published_precision="month")]
    order = [e.item.id for e in timeline(items, arts)]
    assert order == ["c1", "c5", "c3", "c0", "c2", "c6", "c4"]
    placed = {e.item.id: e.basis for e in timeline(items, arts)}
    assert placed["c2"] == "publication date" and placed["c4"] == "unknown"
    assert interval("2024-FA")[0].isoformat() == "2024-09-01"
    assert interval("2024-WI")[1].isoformat() == "2025-02-28"
    assert interval("P3M") is None and interval("XXXX-06-17") is None


def test_a_prefixed_strong_preterite_puts_a_weekday_in_the_past():
    # "erstach", "überfiel": no weak -te ending and not the bare form of preterite_forms.txt
    for text in ("Am Dienstag erstach ein Mann in Jena einen Passanten.", "Am Dienstag überfiel eine Bande die Bank."):
        assert _find(text, "2025-03-10", "Dienstag").value == "2025-03-04"
    assert _find("Am Dienstag besucht der Kanzler Jena.", "2025-03-10", "Dienstag").value == "2025-03-11"


def test_a_perfect_with_an_inseparable_prefix_participle_puts_a_weekday_in_the_past():
    # "haben ... überquert", "hat ... unterzeichnet": participles without ge- after über-, unter-, hinter-, wider-; the
    # perfect was read as no tense and the weekday resolved a week ahead of a Wednesday report
    for text in ("Seit der Öffnung der Brücke am Dienstag haben 4.000 Menschen den Fluss überquert.",
                 "Am Dienstag hat die Regierung das Abkommen unterzeichnet.",
                 "Am Dienstag haben die Ermittler die Aussage widerlegt."):
        assert _find(text, "2025-03-12", "Dienstag").value == "2025-03-11"
    # no perfect auxiliary: the present tense of the same verb keeps its reading ahead
    assert _find("Am Dienstag überquert der Konvoi die Grenze.", "2025-03-12", "Dienstag").value == "2025-03-18"
    # an adjective or adverb with such a prefix is no participle
    assert _find("Am Dienstag haben wir überhaupt Zeit.", "2025-03-12", "Dienstag").value == \
        _find("Am Dienstag haben wir Zeit.", "2025-03-12", "Dienstag").value


# ---- holidays (lang/de/holidays.tsv): fixed dates and days counted from Easter ----
@pytest.mark.parametrize("text,dct,expr,value", [
    ("An Heiligabend blieben die Geschäfte geschlossen.", "2019-01-10", "Heiligabend", "2018-12-24"),
    ("In der Silvesternacht 2022/23 brannten Autos.", "2023-03-01", "Silvesternacht 2022/23", "2022-12-31"),
    ("Silvester 2010 feierten Tausende am Brandenburger Tor.", "2013-05-02", "Silvester 2010", "2010-12-31"),
    ("Zu Ostern kamen weniger Pilger als erwartet.", "2019-05-02", "Ostern", "2019-04-21"),
    ("Am Ostermontag staute sich der Verkehr.", "2024-04-03", "Ostermontag", "2024-04-01"),
    ("Die Bauarbeiten sollen bis Pfingsten dauern.", "2021-03-15", "Pfingsten", "2021-05-23"),
    ("Seit Neujahr gilt die neue Regel.", "2023-02-01", "Neujahr", "2023-01-01"),
    ("Am Tag der Deutschen Einheit sprach er in Halle.", "2021-10-05", "Tag der Deutschen Einheit", "2021-10-03"),
    ("Die Brücke wird zu Christi Himmelfahrt gesperrt.", "2022-05-01", "Christi Himmelfahrt", "2022-05-26"),
    ("Fronleichnam 2015 regnete es in Köln.", "2016-07-01", "Fronleichnam 2015", "2015-06-04"),
    ("Am vergangenen Karfreitag wurde demonstriert.", "2020-06-01", "vergangenen Karfreitag", "2020-04-10"),
    ("Am Osterwochenende wurde gestreikt.", "2018-04-10", "Osterwochenende", "2018-W13-WE"),
    ("Über Weihnachten bleibt das Amt geschlossen.", "2020-12-10", "Weihnachten", "2020-12-24"),
    ("Die Krawalle in der Berliner Silvesternacht wurden erst Tage später aufgearbeitet.", "2023-01-20",
     "Silvesternacht", "2022-12-31"),                                               # after an article and a modifier
    # no publication date: the day of the year without the year; Easter-relative days not even that
    ("An Heiligabend blieb es ruhig.", None, "Heiligabend", "XXXX-12-24"),
    ("Zu Pfingsten blieb es ruhig.", None, "Pfingsten", "XXXX-XX-XX"),
    # a feast named without preposition, article or year is the feast itself, no day of it
    ("Ostern und andere Feste werden zweisprachig gefeiert.", "2020-06-01", "Ostern", "XXXX-XX-XX"),
])
def test_holiday(text, dct, expr, value):
    t = _find(text, dct, expr)
    assert (t.type, t.value) == ("DATE", value)


def test_a_quoted_holiday_names_a_topic():
    assert [t.text for t in find_times('Ein Menü zum Thema "Weihnachten" wurde serviert.', "2020-06-01")] == []
