from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rhi_desktop.domain.deadlines import (
    age_on,
    due_by,
    format_countdown,
    format_london,
    time_left,
    to_london,
    within_window,
)

LONDON = ZoneInfo("Europe/London")


def test_due_by_is_72_elapsed_hours_after_return() -> None:
    returned = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
    assert due_by(returned) == datetime(2026, 6, 4, 9, 30, tzinfo=UTC)


def test_deadline_across_the_spring_clock_change_shows_an_hour_later_on_the_wall() -> None:
    # Returned Saturday 28 March 2026 10:00 GMT; clocks go forward at 01:00 on the 29th.
    returned = datetime(2026, 3, 28, 10, 0, tzinfo=LONDON)
    deadline = to_london(due_by(returned))
    assert deadline == datetime(2026, 3, 31, 11, 0, tzinfo=LONDON)
    # Same-zone subtraction in Python uses wall time; elapsed time is measured in UTC.
    assert deadline.astimezone(UTC) - returned.astimezone(UTC) == timedelta(hours=72)
    assert format_london(due_by(returned)) == "Tue 31 Mar 2026, 11:00 BST"


def test_deadline_across_the_autumn_clock_change_shows_an_hour_earlier_on_the_wall() -> None:
    # Returned Saturday 24 October 2026 10:00 BST; clocks go back at 02:00 on the 25th.
    returned = datetime(2026, 10, 24, 10, 0, tzinfo=LONDON)
    deadline = to_london(due_by(returned))
    assert (deadline.hour, deadline.tzname()) == (9, "GMT")
    assert format_london(due_by(returned)) == "Tue 27 Oct 2026, 09:00 GMT"


def test_the_repeated_hour_in_autumn_is_told_apart_by_its_zone_name() -> None:
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 01:30 BST
    second = first + timedelta(hours=1)  # 01:30 GMT
    assert format_london(first) == "Sun 25 Oct 2026, 01:30 BST"
    assert format_london(second) == "Sun 25 Oct 2026, 01:30 GMT"


def test_exactly_72_hours_is_within_and_one_minute_more_is_not() -> None:
    returned = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    assert within_window(returned, returned + timedelta(hours=72))
    assert not within_window(returned, returned + timedelta(hours=72, minutes=1))


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        due_by(datetime(2026, 1, 5, 8, 0))


def test_countdown_text_for_time_left_and_overdue() -> None:
    returned = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    assert format_countdown(time_left(returned, returned)) == "3d 00h 00m left"
    late = returned + timedelta(hours=77, minutes=2)
    assert format_countdown(time_left(returned, late)) == "5h 02m overdue"


def test_age_counts_birthdays_not_days() -> None:
    assert age_on(date(2008, 11, 28), date(2026, 11, 27)) == 17
    assert age_on(date(2008, 11, 27), date(2026, 11, 27)) == 18
