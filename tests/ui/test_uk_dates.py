"""Dates and times typed the UK way become the right UTC instants, clock changes included."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from ui.uk_dates import (
    DateProblem,
    InvalidDateText,
    format_london_date,
    format_london_time,
    parse_london,
    parse_time,
    parse_uk_date,
)


def test_day_first_dates_and_24_hour_times_are_read_as_typed() -> None:
    assert parse_uk_date("07/03/2011") == date(2011, 3, 7)
    assert parse_uk_date(" 7/3/2011 ") == date(2011, 3, 7)
    assert parse_time("9.05") == time(9, 5) and parse_time("23:59") == time(23, 59)


@pytest.mark.parametrize(
    ("day", "at", "when"),
    [
        ("7 Mar 2011", "6pm", datetime(2011, 3, 7, 18, 0, tzinfo=UTC)),
        ("10/03/25", "9.15am", datetime(2025, 3, 10, 9, 15, tzinfo=UTC)),
        ("2025-03-10", "0930", datetime(2025, 3, 10, 9, 30, tzinfo=UTC)),
        ("27.11.2026", "12 noon", datetime(2026, 11, 27, 12, 0, tzinfo=UTC)),
        ("07/03/2025", "00:00", datetime(2025, 3, 7, 0, 0, tzinfo=UTC)),  # the day's start
    ],
)
def test_the_dialogs_read_what_the_form_reads(day: str, at: str, when: datetime) -> None:
    """The form took 9.15am and 7 Mar 2011 as its hints said; the offer and new case
    dialogs refused them, with wording of their own."""
    assert parse_london(day, at) == when


def test_london_times_become_utc_across_the_clock_changes() -> None:
    assert parse_london("10/01/2025", "12:00") == datetime(2025, 1, 10, 12, 0, tzinfo=UTC)
    assert parse_london("10/07/2025", "12:00") == datetime(2025, 7, 10, 11, 0, tzinfo=UTC)
    # 01:30 on 26 October 2025 happens twice: which one is said, BST or GMT.
    assert parse_london("26/10/2025", "01:30 BST") == datetime(2025, 10, 26, 0, 30, tzinfo=UTC)
    assert parse_london("26/10/2025", "01:30 gmt") == datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    second = datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    assert format_london_time(second) == "01:30 GMT"  # shown so it reads back
    assert parse_london("26/10/2025", format_london_time(second)) == second
    assert parse_london("10/07/2025", "12:00 BST") == datetime(2025, 7, 10, 11, 0, tzinfo=UTC)
    instant = datetime(2025, 7, 10, 23, 30, tzinfo=UTC)
    assert (format_london_date(instant), format_london_time(instant)) == ("11/07/2025", "00:30")


@pytest.mark.parametrize(
    ("day", "at", "problem"),
    [
        ("", "10:00", DateProblem.EMPTY),
        ("next Monday", "10:00", DateProblem.DATE_FORMAT),
        ("10/03", "10:00", DateProblem.DATE_FORMAT),
        ("29/02/2025", "10:00", DateProblem.NO_SUCH_DATE),
        ("10/03/0025", "10:00", DateProblem.YEAR_RANGE),
        ("10/03/2025", "", DateProblem.EMPTY),
        ("10/03/2025", "teatime", DateProblem.TIME_FORMAT),
        ("10/03/2025", "24:00", DateProblem.NO_SUCH_TIME),
        ("10/03/2025", "13pm", DateProblem.NO_SUCH_TIME),
        ("10/03/2025", "09:60", DateProblem.NO_SUCH_TIME),
        ("30/03/2025", "01:30", DateProblem.SKIPPED_TIME),  # the clocks skip it
        ("26/10/2025", "01:30", DateProblem.REPEATED_TIME),  # it happened twice: which?
        ("10/07/2025", "12:00 GMT", DateProblem.WRONG_ZONE),  # summer is BST
        # The night of the 7th, or the start of it? Read as 00:00, a deadline moved a day.
        ("07/03/2025", "midnight", DateProblem.MIDNIGHT_WHICH),
        ("07/03/2025", "12am", DateProblem.MIDNIGHT_WHICH),
        ("07/03/2025", "12 midnight", DateProblem.MIDNIGHT_WHICH),
        ("Mon 07/03/2025", "10:00", DateProblem.WRONG_WEEKDAY),  # the 7th was a Friday
    ],
)
def test_impossible_or_misformatted_text_is_refused_with_a_reason(
    day: str, at: str, problem: DateProblem
) -> None:
    with pytest.raises(InvalidDateText) as refused:
        parse_london(day, at)
    assert refused.value.problem is problem
