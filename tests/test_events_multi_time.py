"""The time an event is extracted with keeps the part of the day or the clock its expression names, for merging to
tell a night's occurrence from two days' (issue 17, scope 3): invented sentences."""
from __future__ import annotations

import warnings

import pytest


@pytest.fixture(scope="module")
def nlp():
    from lagebild.pipeline import build_nlp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_nlp(["events"])


def times_of(nlp, text: str, dct: str | None = "2026-05-04") -> list[str | None]:
    doc = nlp.make_doc(text)
    doc._.dct = dct
    return [e.time.value if e.time else None for e in nlp(doc)._.events]


def test_a_clock_or_a_part_of_the_day_stays_in_the_events_time(nlp):
    # a gas tank's explosion "am Samstag um 23.50 Uhr": the day and its clock (a night's); "am Sonntagnachmittag" the
    # afternoon; "Samstagfrüh" the morning
    assert times_of(nlp, "Am Samstag um 23.50 Uhr explodierte in Villach ein Gastank.") == ["2026-05-02T23:50"]
    assert times_of(nlp, "In Villach explodierte am Sonntagnachmittag ein Gastank.") == ["2026-05-03TAF"]
    assert times_of(nlp, "In Villach explodierte Samstagfrüh ein Gastank.") == ["2026-05-02TMO"]
    # a date alone stays a date
    assert times_of(nlp, "In Villach explodierte am Samstag ein Gastank.") == ["2026-05-02"]


def test_a_clock_on_the_day_named_narrows_it_wherever_the_verb_stands(nlp):
    # review rv25: the verb before the day ("brannte am Dienstag gegen 23 Uhr") put the day nearer the trigger than the
    # clock, and the event kept the day alone; the clock of that day narrows it in either order
    assert times_of(nlp, "In Leoben brannte am Dienstag gegen 23 Uhr eine Lagerhalle.") == ["2026-04-28T23:00"]
    assert times_of(nlp, "Am Dienstag gegen 23 Uhr brannte in Leoben eine Lagerhalle.") == ["2026-04-28T23:00"]
    assert times_of(nlp, "In Leoben brannte am Dienstagabend eine Lagerhalle.") == ["2026-04-28TEV"]


def test_a_clock_after_the_day_of_an_undated_report_keeps_its_hour(nlp):
    # review rv25: without the report's date the tagger leaves a clock dayless ("T23:00") and the event kept the
    # weekday alone; the clock after the day the clause names is that day's, as the tagger reads it where it has a date
    assert times_of(nlp, "In Leoben brannte am Dienstag gegen 23 Uhr eine Lagerhalle.", None) == ["XXXX-WXX-2T23:00"]
    assert times_of(nlp, "In Leoben brannte am Dienstag eine Lagerhalle.", None) == ["XXXX-WXX-2"]
