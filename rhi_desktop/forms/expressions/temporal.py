"""Reading date, date-time and time literals, shared by the checker and the evaluator.

Naive date-times are read as Europe/London wall-clock time, which is what an
interviewer types; everything is compared as an aware instant, and only one with a
London date (at the calendar's very ends it has none) is a date-time. Answers are held
to `YEARS` besides (`answers`); a form's own text, say `. > '1899-12-31'`, is not.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from rhi_desktop.domain.deadlines import LONDON
from rhi_desktop.forms.expressions.values import ValueType

YEARS = range(1900, 2101)
"""The years a date or date-time answer can be in."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")


def parse_date(text: str) -> date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_time(text: str) -> time | None:
    if not _TIME.fullmatch(text):
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None


def parse_datetime(text: str) -> datetime | None:
    if not _DATETIME.fullmatch(text):
        return None
    try:
        parsed = aware_utc(datetime.fromisoformat(text))
        parsed.astimezone(LONDON)  # 0001-01-01T00:00Z is in the year 0 in London
    except (ValueError, OverflowError):  # e.g. 9999-12-31T23:30-01:00 is past year 9999 in UTC
        return None
    return parsed


def aware_utc(value: datetime) -> datetime:
    """As a UTC instant; a naive value is London wall-clock time. Raises ValueError for a
    wall-clock time London skipped (01:00 to 02:00 on the day the clocks go forward). In
    the hour that happens twice as they go back, it is the first (BST) one: see
    `twice_in_london` for where that will not do."""
    if value.tzinfo is None or value.utcoffset() is None:
        local = value.replace(tzinfo=LONDON)
        instant = local.astimezone(UTC)
        if instant.astimezone(LONDON).replace(tzinfo=None) != value.replace(tzinfo=None):
            raise ValueError("not a London time: the clocks went forward past it")
        return instant
    return value.astimezone(UTC)


def twice_in_london(value: datetime) -> bool:
    """Whether `value` is a naive London wall-clock time in the hour that happens twice as
    the clocks go back: without its offset, either of two instants an hour apart."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        return False
    local = value.replace(tzinfo=LONDON)
    if local.utcoffset() == local.replace(fold=1).utcoffset():
        return False
    # Else it is in a change's hour: the one that happens twice, not the one skipped.
    return local.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) == value


def twice_advice(value: datetime) -> str:
    """What to add to a London time in the hour that happens twice, from the offsets the
    clocks really had (in 1947 the hour went from double summer time to summer time)."""
    first, second = (value.replace(tzinfo=LONDON, fold=fold) for fold in (0, 1))
    return (
        "that time happened twice in London, as the clocks went back: add "
        f"{_offset(first)} for the first ({first.tzname()}) or {_offset(second)} for the "
        f"second ({second.tzname()})"
    )


def _offset(value: datetime) -> str:
    minutes = int((value.utcoffset() or timedelta()).total_seconds()) // 60
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def naive_datetime(text: str) -> datetime | None:
    """`text` read as a date-time with no offset given; None if it is not one."""
    if not _DATETIME.fullmatch(text):
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is None else None


def parse_temporal(kind: ValueType, text: str) -> date | datetime | time | None:
    if kind is ValueType.DATE:
        return parse_date(text)
    if kind is ValueType.DATETIME:
        return parse_datetime(text)
    if kind is ValueType.TIME:
        return parse_time(text)
    return None
