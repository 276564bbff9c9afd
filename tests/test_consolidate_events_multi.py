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

