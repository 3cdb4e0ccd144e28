"""Reading dates and times as people in England type them: dd/mm/yyyy and 24-hour HH:MM.

Typed text, not date pickers: interviewers copy dates from police and school notes, and a
typed UK date is quicker and unambiguous once the format is fixed. Local times are
Europe/London; they become UTC instants here. In the autumn hour that happens twice the
first (BST) occurrence is taken; a spring time that never happens is refused.
Problems are codes the dialogs word for the person, so this module stays Qt-free.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from enum import StrEnum

from rhi_desktop.domain.deadlines import LONDON, london_date, to_london

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


class DateProblem(StrEnum):
    EMPTY = "empty"
    DATE_FORMAT = "date_format"  # not dd/mm/yyyy
    NO_SUCH_DATE = "no_such_date"  # e.g. 31/02/2024
    TIME_FORMAT = "time_format"  # not HH:MM
    NO_SUCH_TIME = "no_such_time"  # not on a 24-hour clock, e.g. 25:00 or 12:60
    SKIPPED_TIME = "skipped_time"  # skipped when the clocks go forward, e.g. 01:30 in spring


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


def london_instant(day: date, at: time) -> datetime:
    """The UTC instant of a Europe/London wall-clock time."""
    local = datetime.combine(day, at, tzinfo=LONDON)  # fold=0: the first of a repeated hour
    instant = local.astimezone(UTC)
    if instant.astimezone(LONDON).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise InvalidDateText(DateProblem.SKIPPED_TIME)
    return instant


def parse_london(date_text: str, time_text: str) -> datetime:
    return london_instant(parse_uk_date(date_text), parse_time(time_text))


def format_uk_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def format_london_time(instant: datetime) -> str:
    return to_london(instant).strftime("%H:%M")


def format_london_date(instant: datetime) -> str:
    return format_uk_date(london_date(instant))
