"""Reporting periods are London days; their UTC bounds move with the clocks."""

from __future__ import annotations

from datetime import date

import pytest

from rhi_desktop.reports.periods import Period, PeriodError
from tests.core.reports.casebook import utc


def test_a_summer_month_starts_at_london_midnight_which_is_2300_utc() -> None:
    july = Period.parse_month("2026-07")
    assert (july.start, july.end) == (utc(2026, 6, 30, 23), utc(2026, 7, 31, 23))
    january = Period.parse_month("2026-01")
    assert (january.start, january.end) == (utc(2026, 1, 1), utc(2026, 2, 1))


def test_the_trailing_year_ends_with_the_period_and_survives_leap_days() -> None:
    assert Period.month(2026, 1).trailing_year() == Period(date(2025, 2, 1), date(2026, 1, 31))
    leap = Period(date(2024, 1, 1), date(2024, 2, 28))  # the day after is 29 February
    assert leap.trailing_year() == Period(date(2023, 3, 1), date(2024, 2, 28))  # not a day more
    after_leap = Period(date(2025, 2, 28), date(2025, 2, 28))
    assert after_leap.trailing_year() == Period(date(2024, 3, 1), date(2025, 2, 28))
    longer = Period(date(2024, 1, 1), date(2025, 12, 31))
    assert longer.trailing_year() == longer


def test_a_range_splits_into_the_months_it_touches() -> None:
    months = Period(date(2025, 12, 15), date(2026, 2, 3)).months()
    assert [m.label for m in months] == [
        "2025-12-15 to 2025-12-31",
        "2026-01",
        "2026-02-01 to 2026-02-03",
    ]
    assert [m.label for m in Period.month(2026, 1).previous_months(3)] == [
        "2025-11",
        "2025-12",
        "2026-01",
    ]


@pytest.mark.parametrize("text", ["2026-1", "26-01", "2026-00", "January"])
def test_a_month_that_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse_month(text)


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(PeriodError, match="end before it starts"):
        Period(date(2026, 2, 1), date(2026, 1, 31))
