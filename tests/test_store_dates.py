"""The days a stored time value covers, and the dossier's date filters over them (store.catalog)."""
from __future__ import annotations

import pytest

from lagebild.store.catalog import in_dates
from lagebild.store.views import time_span


@pytest.mark.parametrize("value, span", [
    ("2025-11", ("2025-11-01", "2025-11-30")),
    ("2025-11-14T21:40", ("2025-11-14", "2025-11-14")),
    ("2025-W46", ("2025-11-10", "2025-11-16")),
    # a weekday of a dated week is that one day (with its part of the day), a weekend its Saturday and Sunday
    ("2025-W46-5TEV", ("2025-11-14", "2025-11-14")),
    ("2025-W46-WE", ("2025-11-15", "2025-11-16")),
    ("XXXX-WXX-5T21:40", None),
    ("PAST_REF", None),
])
def test_time_span(value, span):
    assert time_span(value) == span


def test_date_filters_compare_the_days_a_value_covers():
    # an undated weekday ("am Freitag" in an undated report) is in no period: 'X' sorts after every digit
    assert not in_dates("XXXX-WXX-5T21:40", "2025-01-01", None)
    assert in_dates("XXXX-WXX-5T21:40", None, None)
    # a week's Friday is within a filter ending that Friday, not in one starting the day after
    assert in_dates("2025-W46-5", "2025-11-01", "2025-11-14")
    assert not in_dates("2025-W46-5", "2025-11-15", None)
    # a month begins on its first day: within a filter of that month, not one starting later in it
    assert in_dates("2025-11", "2025-11", "2025-11")
    assert not in_dates("2025-11", "2025-11-20", None)
    assert not in_dates(None, None, "2025-11")
