"""Reading dates and times in the dialogs as people in England type them, the same ways
the interview form reads them (`ui.uk_formats`): 07/03/2011, 7/3/11 or 7 Mar 2011;
14:30, 2.30pm or 1430.

Typed text, not date pickers: interviewers copy dates from police and school notes, and a
typed UK date is quicker and unambiguous once the format is fixed. Local times are
Europe/London; they become UTC instants here (`london_clock`): a time in the autumn hour
that happens twice says which it was ("01:30 GMT"), and a spring time that never
happens is refused.
Problems are codes the dialogs word for the person, so this module stays Qt-free.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from rhi_desktop.domain.deadlines import london_date, to_london
from ui import uk_formats
from ui.london_clock import happened_twice, split_zone, zone_of
from ui.uk_formats import InputProblem, UkInputError


class DateProblem(StrEnum):
    EMPTY = "empty"
    DATE_FORMAT = "date_format"  # not a shape of date the form reads either
    NO_SUCH_DATE = "no_such_date"  # e.g. 31/02/2024
    YEAR_RANGE = "year_range"  # e.g. 07/03/0011: no year a case could be about
    TIME_FORMAT = "time_format"  # not a shape of time the form reads either
    NO_SUCH_TIME = "no_such_time"  # e.g. 25:00, 12:60 or 13pm
    SKIPPED_TIME = "skipped_time"  # skipped when the clocks go forward, e.g. 01:30 in spring
    REPEATED_TIME = "repeated_time"  # in the autumn hour that happens twice, BST/GMT not said
    WRONG_ZONE = "wrong_zone"  # BST said of a winter time, or GMT of a summer one
    MIDNIGHT_WHICH = "midnight_which"  # 'midnight' beside a date: its start, or its end?
    WRONG_WEEKDAY = "wrong_weekday"  # 'Thu 27/11/2026': the 27th is a Friday


class InvalidDateText(ValueError):
    def __init__(self, problem: DateProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


_PROBLEMS = {
    InputProblem.DATE_FORMAT: DateProblem.DATE_FORMAT,
    InputProblem.NO_SUCH_DATE: DateProblem.NO_SUCH_DATE,
    InputProblem.YEAR_RANGE: DateProblem.YEAR_RANGE,
    InputProblem.TIME_FORMAT: DateProblem.TIME_FORMAT,
    InputProblem.NO_SUCH_TIME: DateProblem.NO_SUCH_TIME,
    InputProblem.SKIPPED_TIME: DateProblem.SKIPPED_TIME,
    InputProblem.REPEATED_TIME: DateProblem.REPEATED_TIME,
    InputProblem.WRONG_ZONE: DateProblem.WRONG_ZONE,
    InputProblem.WRONG_WEEKDAY: DateProblem.WRONG_WEEKDAY,
}


def parse_uk_date(text: str) -> date:
    """'07/03/2011', '7/3/11' or '7 Mar 2011' -> date(2011, 3, 7): day first."""
    if not text.strip():
        raise InvalidDateText(DateProblem.EMPTY)
    try:
        return uk_formats.parse_uk_date(text)
    except UkInputError as error:
        raise InvalidDateText(_PROBLEMS[error.problem]) from None


def parse_time(text: str) -> time:
    """'09:05', '9.05', '0905' or '9.05am' -> time(9, 5). Midnight said as such
    ('midnight', '12am') is refused: of a date typed beside it, it may mean the start of
    that day or its end, a day apart."""
    if not text.strip():
        raise InvalidDateText(DateProblem.EMPTY)
    try:
        read = uk_formats.parse_uk_time(text)
    except UkInputError as error:
        raise InvalidDateText(_PROBLEMS[error.problem]) from None
    if uk_formats.says_midnight(text.strip(), read):
        raise InvalidDateText(DateProblem.MIDNIGHT_WHICH)
    return read


def parse_clock(text: str) -> tuple[time, str | None]:
    """'01:30 GMT' -> (time(1, 30), 'gmt'): a time, and the zone said after it, if any."""
    clock_text, zone = split_zone(text)
    return parse_time(clock_text), zone


def london_instant(day: date, at: time, zone: str | None = None) -> datetime:
    """The UTC instant of a Europe/London wall-clock time (`zone` 'bst' or 'gmt', where
    said)."""
    try:
        return uk_formats.london_instant(day, at, zone)
    except UkInputError as error:
        raise InvalidDateText(_PROBLEMS[error.problem]) from None


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
