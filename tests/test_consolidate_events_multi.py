"""Merging one occurrence over the articles that report it (issue 17, scope 3): invented event mentions."""
from __future__ import annotations

from lagebild.consolidate.events import merge_events
from lagebild.model import Event, Place, Span, TimeValue

KIEL = Place("Kiel", 54.32, 10.13, "city", "DE")
HAMBURG = Place("Hamburg", 53.55, 9.99, "city", "DE")


def mention(i: int, art: str, type_: str = "PROTEST", mode: str | None = "strike", place: Place | None = None,
            time: TimeValue | None = None, status: str = "reported") -> Event:
    return Event(f"{art}#{i}", type_, mode=mode, place=place, time=time, status=status,
                 articles=[art], evidence=[Span(art, i, i + 10, "x")])


def test_a_mention_nothing_tells_apart_joins_the_occurrence_more_articles_report():
    # dockworkers strike in Hamburg (two outlets) and, in another report, in Kiel (90 km: another town, two events);
    # a fourth report's "Der Streik legte den Hafen lahm" names no town and no day: it fits both, and the strike the
    # story's reports are about is the one more of them tell - not the one whose first mention came first
    evs = [mention(0, "a", place=KIEL), mention(0, "b", place=HAMBURG), mention(0, "c", place=HAMBURG),
           mention(5, "d")]
    out = merge_events(evs, [])
    assert sorted(sorted(e.articles) for e in out) == [["a"], ["b", "c", "d"]]


def test_a_toll_told_with_what_followed_counts_the_disasters_dead_not_the_measures():
    # "40 Tote" of a landslide (two reports) and, in a third, "Nach dem Erdrutsch mit 40 Toten sperrten die Behörden
    # die Passstraße": the closure's sentence holds the same reconciled toll, which is the landslide's
    from lagebild.model import ClaimGroup, Measure

    valley = Place("Sondrio", 46.17, 9.87, "city", "IT")
    slide = [Event("a#1", "DISASTER", mode="landslide", place=valley, figures=["a#5"], articles=["a"],
                   evidence=[Span("a", 1, 11, "x")]),
             Event("b#1", "DISASTER", mode="landslide", place=valley, figures=["b#7"], articles=["b"],
                   evidence=[Span("b", 1, 11, "x")])]
    closure = Event("c#3", "COERCE", mode="closure", place=valley, figures=["c#40", "c#41"], articles=["c"],
                    evidence=[Span("c", 3, 13, "x")])
    dead = ClaimGroup("s/killed", Measure("killed"), ["a#5", "b#7", "c#40"], best=40)
    out = {e.type: e for e in merge_events([*slide, closure], groups=[dead])}
    assert set(out["DISASTER"].figures) == {"a#5", "b#7", "c#40"} and out["COERCE"].figures == ["c#41"]
    # a riot at which people died is the same occurrence as their killing: its toll stays
    riot = Event("c#3", "PROTEST", mode="riot", place=valley, figures=["c#40"], articles=["c"],
                 evidence=[Span("c", 3, 13, "x")])
    out = {e.type: e for e in merge_events([*slide, riot], groups=[dead])}
    assert out["PROTEST"].figures == ["c#40"]


def test_a_raid_keeps_its_dead_where_another_report_tells_the_shooting_as_an_attack():
    # review rv23: "Bei einer Razzia im Hafenviertel von Marseille wurden drei Männer getötet" (the raid holds the
    # dead: extraction absorbs the killing) and another outlet's "Polizisten erschossen in Marseille drei Männer" (an
    # attack): the attack is the one toll event holding the group, yet the raid's dead are the raid's own
    from lagebild.model import ClaimGroup, Measure

    port = Place("Marseille", 43.30, 5.37, "city", "FR")
    raid = Event("a#1", "COERCE", mode="raid", place=port, figures=["a#9"], articles=["a"],
                 evidence=[Span("a", 1, 11, "x")])
    shooting = Event("b#1", "ASSAULT", mode="firearms", place=port, figures=["b#4"], articles=["b"],
                     evidence=[Span("b", 1, 11, "x")])
    dead = ClaimGroup("s/killed", Measure("killed"), ["a#9", "b#4"], best=3)
    out = {e.type: e for e in merge_events([raid, shooting], groups=[dead])}
    assert out["COERCE"].figures == ["a#9"] and set(out["ASSAULT"].figures) == {"a#9", "b#4"}
    # an arrest after the attack holds its dead only by telling what it followed: they leave it
    arrest = Event("a#1", "COERCE", mode="arrest", place=port, figures=["a#9"], articles=["a"],
                   evidence=[Span("a", 1, 11, "x")])
    out = {e.type: e for e in merge_events([arrest, shooting], groups=[dead])}
    assert out["COERCE"].figures == []



def _day(value: str, text: str) -> TimeValue:
    return TimeValue(value, "day", text, "expression")


def test_a_day_apart_one_sudden_event_only_over_the_night_between():
    # two outlets on a tram crash in Linz: "am Montagvormittag" and "am Dienstagnachmittag" tell two crashes (the
    # one-day slack of a sudden event is for the night: "am Freitagabend" and "in der Nacht zum Samstag" /
    # "Samstagfrüh" in another report are one); undated articles, weekdays only
    linz = Place("Linz", 48.31, 14.29, "city", "AT")
    evs = [mention(0, "a", "ACCIDENT", "crash", linz, _day("XXXX-WXX-1TMO", "am Montagvormittag")),
           mention(0, "b", "ACCIDENT", "crash", linz, _day("XXXX-WXX-2TAF", "am Dienstagnachmittag"))]
    assert len(merge_events(evs, [])) == 2
    evs = [mention(0, "a", "ACCIDENT", "crash", linz, _day("XXXX-WXX-5TEV", "am Freitagabend")),
           mention(0, "b", "ACCIDENT", "crash", linz, _day("XXXX-WXX-6TMO", "Samstagfrüh"))]
    assert len(merge_events(evs, [])) == 1
    # a weekday without a part leaves the night open, as before
    evs = [mention(0, "a", "ACCIDENT", "crash", linz, _day("XXXX-WXX-5TEV", "am Freitagabend")),
           mention(0, "b", "ACCIDENT", "crash", linz, _day("XXXX-WXX-6", "am Samstag"))]
    assert len(merge_events(evs, [])) == 1


def test_full_dates_a_day_apart_keep_their_parts_of_the_day():
    # dated articles: the gas explosion "am Mittwochmorgen" (2026-03-04) and another "am Donnerstagmittag"
    # (2026-03-05) in Graz are two; "am Mittwochabend" and "am Donnerstag" one; and the same Sunday told by a
    # Monday's and a Tuesday's article (each resolved to its date) one
    graz = Place("Graz", 47.07, 15.44, "city", "AT")
    evs = [mention(0, "a", "ACCIDENT", "explosion", graz, _day("2026-03-04TMO", "am Mittwochmorgen")),
           mention(0, "b", "ACCIDENT", "explosion", graz, _day("2026-03-05TMI", "am Donnerstagmittag"))]
    assert len(merge_events(evs, [])) == 2
    evs = [mention(0, "a", "ACCIDENT", "explosion", graz, _day("2026-03-04TEV", "am Mittwochabend")),
           mention(0, "b", "ACCIDENT", "explosion", graz, _day("2026-03-05", "am Donnerstag"))]
    assert len(merge_events(evs, [])) == 1
    evs = [mention(0, "a", "ACCIDENT", "explosion", graz, _day("2026-03-01", "am Sonntag")),
           mention(0, "b", "ACCIDENT", "explosion", graz, _day("2026-03-01", "am Sonntag"))]
    assert len(merge_events(evs, [])) == 1


def test_two_place_names_the_gazetteer_lacks_are_two_places():
    # barn fires told by two outlets in two villages no gazetteer holds: two fires; the same village written
    # another way, or a village beside a town the gazetteer has (it may lie in it), says nothing against one fire
    evs = [mention(0, "a", "ACCIDENT", "fire", Place("Oberwaldbrunn")),
           mention(0, "b", "ACCIDENT", "fire", Place("Kleinhadersdorf"))]
    assert len(merge_events(evs, [])) == 2
    evs = [mention(0, "a", "ACCIDENT", "fire", Place("Oberwaldbrunn")),
           mention(0, "b", "ACCIDENT", "fire", Place("Oberwaldbrun"))]
    assert len(merge_events(evs, [])) == 1
    evs = [mention(0, "a", "ACCIDENT", "fire", Place("Oberwaldbrunn")),
           mention(0, "b", "ACCIDENT", "fire", Place("Krems", 48.41, 15.61, "city", "AT"))]
    assert len(merge_events(evs, [])) == 1


def test_a_site_the_gazetteer_lacks_is_no_second_town():
    # an explosion told "im Kulturzentrum Rotfabrik" (a venue: a name with an article, extraction's site) by one outlet
    # and "in Oberwaldbrunn" (the village it stands in) by another: the venue lies somewhere, not in another town
    evs = [mention(0, "a", "ACCIDENT", "explosion", Place("Rotfabrik", precision="site")),
           mention(0, "b", "ACCIDENT", "explosion", Place("Oberwaldbrunn"))]
    assert len(merge_events(evs, [])) == 1
    # two such sites are two places, as two unlisted towns are: fires "auf der Tauernautobahn" and "auf der
    # Pyhrnautobahn", or "im Allgäu" and "in der Bretagne" (a region told with an article reads as a site too) (review
    # rv84)
    evs = [mention(0, "a", "ACCIDENT", "fire", Place("Tauernautobahn", precision="site")),
           mention(0, "b", "ACCIDENT", "fire", Place("Pyhrnautobahn", precision="site"))]
    assert len(merge_events(evs, [])) == 2


def test_an_unlisted_name_told_with_an_article_is_a_site():
    import warnings

    from lagebild.pipeline import build_nlp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = build_nlp(["events"])

    def place(text: str) -> Place | None:
        doc = nlp.make_doc(text)
        doc._.article_id, doc._.dct = "t.txt", "2025-03-10"
        return next(e.place for e in nlp(doc)._.events or ())

    assert place("Auf der Nordautobahn kam es am Montag zu einem schweren Unfall.").precision == "site"
    assert place("In Unterkrottendorf brannte am Montag eine Scheune.").precision is None


def test_one_report_naming_two_days_tells_two_sudden_events_unless_it_names_the_night():
    # one article on work accidents at two building sites: "am Donnerstag" a scaffold fell, "am Freitag" a crane
    # tipped - two accidents (one writer dates one occurrence one way); "am Donnerstagabend" ... "am Freitag" in one
    # article leaves the night between them open (the fire that broke out in the evening and burnt into the day)
    site = Place("Bregenz", 47.50, 9.75, "city", "AT")
    evs = [mention(0, "a", "ACCIDENT", "collapse", site, _day("XXXX-WXX-4", "am Donnerstag")),
           mention(40, "a", "ACCIDENT", "collapse", site, _day("XXXX-WXX-5", "am Freitag"))]
    assert len(merge_events(evs, [])) == 2
    evs = [mention(0, "a", "ACCIDENT", "collapse", site, _day("XXXX-WXX-4TEV", "am Donnerstagabend")),
           mention(40, "a", "ACCIDENT", "collapse", site, _day("XXXX-WXX-5", "am Freitag"))]
    assert len(merge_events(evs, [])) == 1


def test_the_part_of_the_day_is_the_one_extraction_keeps_in_the_value():
    # extraction keeps the time tagger's part of the day, or its clock, in the event's time (`_day_of`); merging reads
    # it there, not in the words again
    from lagebild.consolidate.events import _day_part

    assert _day_part(TimeValue("XXXX-WXX-3TAF", "day", "Mittwochnachmittag", "expression")) == "AF"
    assert _day_part(TimeValue("2026-05-02TEV", "day", None, "expression")) == "EV"
    assert _day_part(TimeValue("XXXX-WXX-2", "day", "am Dienstag", "expression")) is None
    # a clock's hour falls in a part: "um 6.15 Uhr" a morning, "gegen 13 Uhr" midday, "um 16 Uhr" an afternoon,
    # "um 20.30 Uhr" an evening, "um 23.40 Uhr" and "um 2 Uhr" a night
    hours = {"06:15": "MO", "13:00": "MI", "16:00": "AF", "20:30": "EV", "23:40": "NI", "02:00": "NI"}
    for clock, part in hours.items():
        assert _day_part(TimeValue(f"2026-05-02T{clock}", "day", None, "expression")) == part


def test_a_clock_near_midnight_and_the_next_day_are_one_night():
    # review rv24's open case, told of a bus fire in Villach: one report's "am Samstag um 23.50 Uhr" fing der Bus Feuer
    # and "am Sonntag" brannte er aus - one night, one fire; where two outlets tell "am Samstag um 10 Uhr" and "am
    # Sonntag", the morning and the next day are two fires
    villach = Place("Villach", 46.61, 13.85, "city", "AT")
    evs = [mention(0, "a", "ACCIDENT", "fire", villach, _day("2026-05-02T23:50", "am Samstag um 23.50 Uhr")),
           mention(40, "a", "ACCIDENT", "fire", villach, _day("2026-05-03", "am Sonntag"))]
    assert len(merge_events(evs, [])) == 1
    evs = [mention(0, "a", "ACCIDENT", "fire", villach, _day("2026-05-02T10:00", "am Samstag um 10 Uhr")),
           mention(0, "b", "ACCIDENT", "fire", villach, _day("2026-05-03", "am Sonntag"))]
    assert len(merge_events(evs, [])) == 2


def test_two_unlisted_venues_of_a_town_the_occurrence_is_told_at_stay_one():
    # a bombing told at Lyon and at its "Konzerthaus Aurora" by one outlet and at the "Stadion Nord" by another: names
    # the gazetteer lacks within a town it has may be two spots of one attack - the town holds them
    lyon = Place("Lyon", 45.76, 4.84, "city", "FR")
    evs = [mention(0, "a", "ASSAULT", "explode", lyon),
           mention(20, "a", "ASSAULT", "explode", Place("Konzerthaus Aurora")),
           mention(0, "b", "ASSAULT", "explode", Place("Stadion Nord"))]
    assert len(merge_events(evs, [])) == 1


def test_a_village_named_with_a_word_cut_short_is_the_same_village():
    # review rv24: a hailstorm's barn fire told "in Sankt Wendelin im Forst" by one outlet and "in St. Wendelin im
    # Forst" by another (neither in the gazetteer) is one fire; "a. d." is "an der" the same way. A word cut short
    # with a full stop keeps the word's first letter and others in order: "St." is not "Sankt Wolfgang"'s "Wolfgang"
    def fires(a: str, b: str) -> int:
        return len(merge_events([mention(0, "a", "ACCIDENT", "fire", Place(a)),
                                 mention(0, "b", "ACCIDENT", "fire", Place(b))], []))

    assert fires("Sankt Wendelin im Forst", "St. Wendelin im Forst") == 1
    assert fires("Kirchberg an der Raab", "Kirchberg a. d. Raab") == 1
    assert fires("St. Wendelin", "Sankt Wendelin am See") == 1
    assert fires("St. Wendelin", "Sankt Wolfgang") == 2
    assert fires("Kirchberg a. d. Raab", "Kirchberg an der Mur") == 2


def test_the_parts_of_the_day_of_an_occurrence_hours_of_clock_away_do_not_keep_two_days_apart():
    # review rv24: a shooting in Houston "am Sonntagnachmittag (Ortszeit)" in one report is "am Montag" in another,
    # dated by the clock of the outlet (seven hours ahead: after midnight); in Graz the same two days are two
    houston = Place("Houston", 29.76, -95.36, "city", "US")
    graz = Place("Graz", 47.07, 15.44, "city", "AT")
    for town, n in ((houston, 1), (graz, 2)):
        evs = [mention(0, "a", "ASSAULT", "firearms", town, _day("2026-03-01TAF", "am Sonntagnachmittag")),
               mention(0, "b", "ASSAULT", "firearms", town, _day("2026-03-02", "am Montag"))]
        assert len(merge_events(evs, [])) == n


def test_a_clock_after_midnight_opens_its_day_and_one_before_midnight_closes_it():
    # review rv25: a clock names which side of midnight its night is on. A silo fire in Wels told "am Sonntag um 0.30
    # Uhr" by one outlet and "am Montag um 9 Uhr" by another is 33 hours apart - two fires, though 0.30 is a night
    # and 9 a morning; "am Samstag um 20 Uhr" and "am Sonntag um 23.30 Uhr" are 27 hours apart - two; "am Samstag
    # um 23.30 Uhr" and "am Sonntag um 0.45 Uhr" are one night's
    wels = Place("Wels", 48.16, 14.03, "city", "AT")
    for (a, b), n in ((("2026-05-03T00:30", "2026-05-04T09:00"), 2), (("2026-05-02T20:00", "2026-05-03T23:30"), 2),
                      (("2026-05-02T23:30", "2026-05-03T00:45"), 1)):
        evs = [mention(0, "a", "ACCIDENT", "fire", wels, _day(a, "um ... Uhr")),
               mention(0, "b", "ACCIDENT", "fire", wels, _day(b, "um ... Uhr"))]
        assert len(merge_events(evs, [])) == n, (a, b)


def test_a_vote_is_placed_in_the_territory_it_is_held_over():
    # "Die Parlamentswahl in Portugal" (one outlet) and "In Porto protestierten Anhänger gegen das Wahlergebnis" read as
    # the vote's mention (another): a national vote, whose place is the country that holds the town, not the town
    portugal = Place("Portugal", 39.6, -8.0, "country", "PT")
    porto = Place("Porto", 41.1485, -8.611, "city", "PT")
    vote = [mention(0, "a", "VOTE", "election", place=portugal), mention(0, "b", "VOTE", "election", place=porto)]
    out = merge_events(vote, [])
    assert len(out) == 1 and out[0].place.name == "Portugal"
    # a Land's diet: the region holds its capital by the gazetteer's admin1 ("Landtagswahl in Bayern", "in München")
    bavaria = Place("Bayern", 48.95, 11.4, "region", "DE")
    munich = Place("München", 48.1374, 11.5755, "city", "DE")
    out = merge_events([mention(0, "a", "VOTE", "election", place=munich),
                        mention(0, "b", "VOTE", "election", place=bavaria)], [])
    assert len(out) == 1 and out[0].place.name == "Bayern"
    # an attack happens at a spot: the town is more precise than the country of another report
    attack = [mention(0, "a", "ASSAULT", "explode", place=portugal), mention(0, "b", "ASSAULT", "explode", place=porto)]
    assert merge_events(attack, [])[0].place.name == "Porto"
    # two towns, neither holding the other: the vote keeps the most precise place as before
    nuremberg = Place("Nürnberg", 49.4542, 11.0775, "city", "DE")
    out = merge_events([mention(0, "a", "VOTE", "election", place=munich),
                        mention(0, "b", "VOTE", "election", place=nuremberg)], [])
    assert {e.place.name for e in out} <= {"München", "Nürnberg"}


def test_where_reports_disagree_the_place_more_outlets_name_wins_over_a_more_precise_one():
    # two outlets: "Bei einem Überfall in Niederösterreich ..."; a third: "... die Verletzten wurden in Wien behandelt",
    # read as the attack's place. Vienna is no part of Lower Austria (a Land of its own, admin1): the reports disagree,
    # and a town only one names is not the more precise account of the place the others name
    lower_austria = Place("Niederösterreich", 48.2, 15.8, "region", "AT")
    vienna = Place("Wien", 48.2085, 16.3721, "city", "AT")
    evs = [mention(0, "a", "ASSAULT", "attack", place=lower_austria),
           mention(0, "b", "ASSAULT", "attack", place=lower_austria),
           mention(0, "c", "ASSAULT", "attack", place=vienna)]
    out = merge_events(evs, [])
    assert len(out) == 1 and out[0].place.name == "Niederösterreich"
    # where the town lies in the region the others name, it is the more precise account: it wins however few name it
    st_poelten = Place("St. Pölten", 48.2076, 15.6372, "city", "AT")
    evs[2] = mention(0, "c", "ASSAULT", "attack", place=st_poelten)
    assert merge_events(evs, [])[0].place.name == "St. Pölten"


def test_a_datelines_town_gives_way_to_the_place_a_report_names():
    # "Kirkuk – Nach Beginn einer Offensive ..." (the desk's town, standing in the clause) and the same report's "die
    # Offensive in der Provinz Salah ad-Din": the offensive is there, told from Kirkuk, not in Kirkuk (issue 17)
    kirkuk = Place("Kirkuk", 35.468, 44.392, "city", "IQ", filed=True)
    salah = Place("Salah ad-Din", 34.5, 43.6, "region", "IQ")
    evs = [mention(0, "a", "ASSAULT", "clash", place=kirkuk), mention(200, "a", "ASSAULT", "clash", place=salah)]
    out = merge_events(evs, [])
    assert len(out) == 1 and out[0].place.name == "Salah ad-Din"
    # a dateline that lies in the place named (the country) is the more precise account and stays
    iraq = Place("Irak", 33.3, 44.4, "country", "IQ")
    evs[1] = mention(200, "a", "ASSAULT", "clash", place=iraq)
    assert merge_events(evs, [])[0].place.name == "Kirkuk"
    # nothing else named: the dateline's town is the place
    assert merge_events(evs[:1], [])[0].place.name == "Kirkuk"


def test_a_report_joins_the_occurrence_a_shared_figure_tied_to_its_plan():
    # "Verdi will am Donnerstag mit 5.000 Beschäftigten den Hafen bestreiken" (planned) and another outlet's "5.000
    # Beschäftigte legten den Hafen lahm" (reported) share the figure's group: one strike. A third report's "Der Streik
    # im Hamburger Hafen dauerte bis zum Abend" names no figure: it is a report of that strike too, not a second one -
    # the cluster holds a reported member, so the plan it also holds keeps it out no more. A strike told as history
    # ("wie beim Streik von 1996") still never joins.
    from lagebild.model import ClaimGroup, Measure

    plan = mention(0, "a", place=HAMBURG, status="planned")
    plan.figures = ["a#1"]
    done = mention(0, "b", place=HAMBURG)
    done.figures = ["b#1"]
    told = mention(0, "c", place=HAMBURG)
    past = mention(9, "c", place=HAMBURG, status="historical")
    workers = ClaimGroup("s/workers", Measure("personnel"), ["a#1", "b#1"], best=5000)
    out = merge_events([plan, done, told, past], groups=[workers])
    assert sorted(sorted(e.articles) for e in out) == [["a", "b", "c"], ["c"]]
    assert [e.status for e in out if e.articles == ["c"]] == ["historical"]


def test_a_further_plan_without_a_tie_does_not_join_the_occurrence_that_happened():
    # review rv-evmerge33: "Die Gewerkschaft will am Freitag mit 800 Piloten den Flughafen bestreiken" (planned) and
    # "800 Piloten legten den Flughafen lahm" (reported) share the figure's group: one strike, which happened. A third
    # outlet's "Die Gewerkschaft droht mit weiteren Streiks" (planned, no figure, no day) may be the next round as well
    # as the one held: it must not join, and two plans against one report must not show the held strike as planned.
    # A plain report of the strike ("Der Streik am Flughafen traf Tausende Reisende") still joins it.
    from lagebild.model import ClaimGroup, Measure

    frankfurt = Place("Frankfurt am Main", 50.11, 8.68, "city", "DE")
    plan = mention(0, "a", place=frankfurt, status="planned")
    plan.figures = ["a#1"]
    held = mention(0, "b", place=frankfurt)
    held.figures = ["b#1"]
    threat = mention(0, "c", status="planned")
    told = mention(0, "d", place=frankfurt)
    pilots = ClaimGroup("s/pilots", Measure("personnel"), ["a#1", "b#1"], best=800)
    out = merge_events([plan, held, threat, told], groups=[pilots])
    assert sorted(sorted(e.articles) for e in out) == [["a", "b", "d"], ["c"]]
    assert {e.status for e in out if "b" in e.articles} == {"reported"}
    # without the plain report, the threat had outvoted the one report of the held strike (planned 2 : reported 1)
    alone = merge_events([plan, held, threat], groups=[pilots])
    assert [e.status for e in alone if "b" in e.articles] == ["reported"]


def test_each_report_votes_once_for_the_status_of_the_occurrence_it_tells():
    # review rv-evmerge33: "Die Regierung will 500 Soldaten nach Litauen entsenden. ... Die 500 Soldaten sollen im Mai
    # verlegt werden" (one outlet, two planned mentions with the figure) and another outlet's "Die 500 Soldaten sind in
    # Litauen eingetroffen" (reported): a plan that then happened is one occurrence that happened - one outlet
    # repeating the plan does not outvote the report that it happened
    from lagebild.model import ClaimGroup, Measure

    lithuania = Place("Litauen", 55.5, 24.0, "country", "LT")
    will = mention(0, "a", "AID", "military", place=lithuania, status="planned")
    will.figures = ["a#1"]
    shall = mention(5, "a", "AID", "military", place=lithuania, status="planned")
    shall.figures = ["a#6"]
    arrived = mention(0, "b", "AID", "military", place=lithuania)
    arrived.figures = ["b#1"]
    soldiers = ClaimGroup("s/soldiers", Measure("personnel"), ["a#1", "a#6", "b#1", "c#1"], best=500)
    out = merge_events([will, shall, arrived], groups=[soldiers])
    assert [(sorted(e.articles), e.status) for e in out] == [(["a", "b"], "reported")]
    # a plan that a later report still calls a plan ("Die 500 Soldaten sollen erst im Juni verlegt werden") stays
    # one: two outlets tell the plan, one reads it as done
    still = mention(0, "c", "AID", "military", place=lithuania, status="planned")
    still.figures = ["c#1"]
    out = merge_events([will, arrived, still], groups=[soldiers])
    assert [(sorted(e.articles), e.status) for e in out] == [(["a", "b", "c"], "planned")]
    # within one report, its members' majority is its reading, as before (a tie reads what happened)
    done = mention(9, "a", "AID", "military", place=lithuania)
    done.figures = ["a#10"]
    soldiers.members.append("a#10")
    out = merge_events([will, shall, done], groups=[soldiers])
    assert [e.status for e in out] == ["planned"]
