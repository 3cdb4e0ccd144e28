"""Reporting periods: calendar months, date ranges and DfE collection years.

A period is a run of whole days in Europe/London time, because that is how the service
and its committees read a month: an episode that ends at 00:30 BST on 1 April belongs to
April even though it is still 31 March in UTC. Stored instants are UTC, so a period is
turned into a half-open UTC interval `[start, end)` for queries; durations themselves
are always elapsed time between UTC instants, never wall-clock differences.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from rhi_desktop.domain.deadlines import LONDON
from rhi_desktop.reports.errors import ReportError

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_COLLECTION_YEAR = re.compile(r"(\d{4})-(\d{2})")


class PeriodError(ReportError, ValueError):
    """A period that cannot be read or does not make sense (message safe to show)."""


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clipped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def london_midnight(day: date) -> datetime:
    """The UTC instant at which `day` begins in London (midnight always exists there)."""
    return datetime.combine(day, time(0), tzinfo=LONDON).astimezone(UTC)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """Whole London days from `first_day` to `last_day`, both included."""

    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise PeriodError("A period must not end before it starts.")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise PeriodError("A month is numbered 1 to 12.")
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last))

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """'2026-01' -> January 2026."""
        found = _MONTH.fullmatch(text.strip())
        if found is None:
            raise PeriodError("Give a month as YYYY-MM, e.g. 2026-01.")
        return cls.month(int(found.group(1)), int(found.group(2)))

    @classmethod
    def collection_year(cls, text: str) -> Period:
        """'2026-27' -> 1 April 2026 to 31 March 2027 (the DfE SSDA903 collection year)."""
        found = _COLLECTION_YEAR.fullmatch(text.strip())
        if found is None:
            raise PeriodError("Give a collection year as YYYY-YY, e.g. 2026-27.")
        first = int(found.group(1))
        if int(found.group(2)) != (first + 1) % 100:
            raise PeriodError("A collection year runs into the next year, e.g. 2026-27.")
        return cls(date(first, 4, 1), date(first + 1, 3, 31))

    @property
    def is_whole_month(self) -> bool:
        return (
            self.first_day.day == 1
            and self.first_day.year == self.last_day.year
            and self.first_day.month == self.last_day.month
            and self.last_day.day == calendar.monthrange(self.last_day.year, self.last_day.month)[1]
        )

    @property
    def label(self) -> str:
        """'2026-01' for a whole month, else '2026-01-05 to 2026-02-10'."""
        if self.is_whole_month:
            return f"{self.first_day.year:04d}-{self.first_day.month:02d}"
        return f"{self.first_day.isoformat()} to {self.last_day.isoformat()}"

    @property
    def start(self) -> datetime:
        """The first instant of the period (UTC)."""
        return london_midnight(self.first_day)

    @property
    def end(self) -> datetime:
        """The first instant after the period (UTC): the bound is exclusive."""
        return london_midnight(self.last_day + timedelta(days=1))

    def contains_day(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def months(self) -> list[Period]:
        """The calendar months the period touches, each clipped to the period."""
        found: list[Period] = []
        first = self.first_day
        while first <= self.last_day:
            month = Period.month(first.year, first.month)
            found.append(Period(first, min(month.last_day, self.last_day)))
            first = month.last_day + timedelta(days=1)
        return found

    def trailing_year(self) -> Period:
        """The twelve months ending with this period's last day, or the period if longer:
        from 1 March 2024 for 28 February 2025, and from 1 March 2023 for 28 February 2024
        (a leap year, whose 29 February a year back would fall to 28 February: a year
        and a day)."""
        after = self.last_day + timedelta(days=1)
        first = max(add_months(self.last_day, -12) + timedelta(days=1), add_months(after, -12))
        return Period(min(first, self.first_day), self.last_day)

    def previous_months(self, count: int) -> list[Period]:
        """`count` whole calendar months ending with the month of `last_day`, oldest first."""
        anchor = date(self.last_day.year, self.last_day.month, 1)
        return [
            Period.month(day.year, day.month)
            for day in (add_months(anchor, -back) for back in range(count - 1, -1, -1))
        ]
