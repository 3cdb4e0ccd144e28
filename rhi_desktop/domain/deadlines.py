"""The 72-hour rule and how instants are shown to people (Europe/London)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
RHI_WINDOW = timedelta(hours=72)
SUPERVISION_INTERVAL = timedelta(days=28)


def require_aware(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("Instants must carry a time zone; naive datetimes are ambiguous.")
    return instant.astimezone(UTC)


def due_by(returned_at: datetime) -> datetime:
    """The interview deadline: 72 elapsed hours after the child returned (UTC)."""
    return require_aware(returned_at) + RHI_WINDOW


def within_window(returned_at: datetime, happened_at: datetime) -> bool:
    """True when `happened_at` is no later than exactly 72 hours after the return."""
    return require_aware(happened_at) <= due_by(returned_at)


def time_left(returned_at: datetime, now: datetime) -> timedelta:
    """Negative once the deadline has passed."""
    return due_by(returned_at) - require_aware(now)


def to_london(instant: datetime) -> datetime:
    return require_aware(instant).astimezone(LONDON)


def london_date(instant: datetime) -> date:
    """The London calendar date of an aware instant (e.g. today, from the clock)."""
    return to_london(instant).date()


def format_london(instant: datetime) -> str:
    """e.g. 'Sun 29 Oct 2023, 01:30 GMT' — the zone name shows which side of a clock change."""
    local = to_london(instant)
    return local.strftime("%a %d %b %Y, %H:%M ") + (local.tzname() or "")


def format_countdown(left: timedelta) -> str:
    """'2d 03h 15m left' or '5h 02m overdue'."""
    overdue = left < timedelta(0)
    minutes = int(abs(left).total_seconds() // 60)
    days, rem = divmod(minutes, 24 * 60)
    hours, mins = divmod(rem, 60)
    text = f"{days}d {hours:02d}h {mins:02d}m" if days else f"{hours}h {mins:02d}m"
    return f"{text} overdue" if overdue else f"{text} left"


def utc_now() -> datetime:
    return datetime.now(UTC)


def age_on(date_of_birth: date, on: date) -> int:
    years = on.year - date_of_birth.year
    if (on.month, on.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years
