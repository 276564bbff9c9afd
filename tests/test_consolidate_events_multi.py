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
