"""Reading dates and times as people in England type them: dd/mm/yyyy and 24-hour HH:MM.

Typed text, not date pickers: interviewers copy dates from police and school notes, and a
typed UK date is quicker and unambiguous once the format is fixed. Local times are
Europe/London; they become UTC instants here (`london_clock`): a time in the autumn hour
that happens twice says which it was ("01:30 GMT"), and a spring time that never
happens is refused.
Problems are codes the dialogs word for the person, so this module stays Qt-free.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from enum import StrEnum

from rhi_desktop.domain.deadlines import london_date, to_london
from ui.london_clock import (
    ClockProblem,
    LondonClockError,
    happened_twice,
    instant_of,
    split_zone,
    zone_of,
)

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


class DateProblem(StrEnum):
    EMPTY = "empty"
    DATE_FORMAT = "date_format"  # not dd/mm/yyyy
    NO_SUCH_DATE = "no_such_date"  # e.g. 31/02/2024
    TIME_FORMAT = "time_format"  # not HH:MM
    NO_SUCH_TIME = "no_such_time"  # not on a 24-hour clock, e.g. 25:00 or 12:60
    SKIPPED_TIME = "skipped_time"  # skipped when the clocks go forward, e.g. 01:30 in spring
    REPEATED_TIME = "repeated_time"  # in the autumn hour that happens twice, BST/GMT not said
    WRONG_ZONE = "wrong_zone"  # BST said of a winter time, or GMT of a summer one


class InvalidDateText(ValueError):
    def __init__(self, problem: DateProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def parse_uk_date(text: str) -> date:
    """'07/03/2011' -> date(2011, 3, 7); day first, four-digit year."""
    stripped = text.strip()
    if not stripped:
        raise InvalidDateText(DateProblem.EMPTY)
    match = _DATE.fullmatch(stripped)
    if match is None:
        raise InvalidDateText(DateProblem.DATE_FORMAT)
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDateText(DateProblem.NO_SUCH_DATE) from None


def parse_time(text: str) -> time:
    """'09:05' or '9.05' -> time(9, 5), 24-hour clock."""
    stripped = text.strip()
    if not stripped:
        raise InvalidDateText(DateProblem.EMPTY)
    match = _TIME.fullmatch(stripped)
    if match is None:
        raise InvalidDateText(DateProblem.TIME_FORMAT)
    hour, minute = (int(part) for part in match.groups())
    try:
        return time(hour, minute)
    except ValueError:
        raise InvalidDateText(DateProblem.NO_SUCH_TIME) from None


def parse_clock(text: str) -> tuple[time, str | None]:
    """'01:30 GMT' -> (time(1, 30), 'gmt'): a time, and the zone said after it, if any."""
    clock_text, zone = split_zone(text)
    return parse_time(clock_text), zone


_CLOCK_PROBLEMS = {
    ClockProblem.SKIPPED: DateProblem.SKIPPED_TIME,
    ClockProblem.REPEATED: DateProblem.REPEATED_TIME,
    ClockProblem.WRONG_ZONE: DateProblem.WRONG_ZONE,
}


def london_instant(day: date, at: time, zone: str | None = None) -> datetime:
    """The UTC instant of a Europe/London wall-clock time (`zone` 'bst' or 'gmt', where
    said)."""
    try:
        return instant_of(day, at, zone)
    except LondonClockError as exc:
        raise InvalidDateText(_CLOCK_PROBLEMS[exc.problem]) from None


def parse_london(date_text: str, time_text: str) -> datetime:
    return london_instant(parse_uk_date(date_text), *parse_clock(time_text))


def format_uk_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def format_london_time(instant: datetime) -> str:
    """'14:30'; in the autumn hour that happens twice, '01:30 GMT', so it reads back."""
    shown = to_london(instant).strftime("%H:%M")
    return f"{shown} {zone_of(instant)}" if happened_twice(instant) else shown


def format_london_date(instant: datetime) -> str:
    return format_uk_date(london_date(instant))
