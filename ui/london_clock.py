"""A wall-clock time in England as the instant it was, across the clock changes.

In spring the clocks skip an hour (01:00 to 02:00 never happens); in autumn they repeat
one (01:00 to 02:00 happens twice, first in BST, then in GMT). A time in the repeated
hour must say which it was, by "BST" or "GMT" after it ("01:30 GMT"): a child found
the second time 01:30 came round was found an hour later than the first, and their 72
hours end an hour later. A zone given for a time that happened once must be the one in
force then. Qt-free: the dialogs and the form's inputs word the problems.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from enum import StrEnum

from rhi_desktop.domain.deadlines import LONDON, to_london

_FOLDS = {"bst": 0, "gmt": 1}
_ZONE = re.compile(r"(?P<time>.*?)\s*(?P<zone>bst|gmt)", re.IGNORECASE)


class ClockProblem(StrEnum):
    SKIPPED = "skipped"  # in the hour the spring change skips
    REPEATED = "repeated"  # in the hour the autumn change repeats, with no BST or GMT
    WRONG_ZONE = "wrong_zone"  # BST given in winter, or GMT in summer


class LondonClockError(ValueError):
    def __init__(self, problem: ClockProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def split_zone(text: str) -> tuple[str, str | None]:
    """'01:30 GMT' -> ('01:30', 'gmt'); text with no zone after it comes back as it is."""
    match = _ZONE.fullmatch(text.strip())
    if match is None:
        return text, None
    return match["time"], match["zone"].lower()


def instant_of(day: date, at: time, zone: str | None = None) -> datetime:
    """The UTC instant of `at` on `day` in London; raises LondonClockError."""
    first = datetime.combine(day, at, tzinfo=LONDON)  # fold 0: BST, if it happened twice
    second = first.replace(fold=1)
    if first.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) != first.replace(tzinfo=None):
        raise LondonClockError(ClockProblem.SKIPPED)
    twice = first.utcoffset() != second.utcoffset()
    if zone is None:
        if twice:
            raise LondonClockError(ClockProblem.REPEATED)
        return first.astimezone(UTC)
    chosen = first.replace(fold=_FOLDS[zone])
    if not twice and (chosen.tzname() or "").lower() != zone:
        raise LondonClockError(ClockProblem.WRONG_ZONE)
    return chosen.astimezone(UTC)


def happened_twice(instant: datetime) -> bool:
    """Whether the London wall-clock reading of `instant` came round twice that night, so
    it must be written with its zone to be read back as the same instant."""
    local = to_london(instant)
    return local.utcoffset() != local.replace(fold=1 - local.fold).utcoffset()


def zone_of(instant: datetime) -> str:
    """'BST' or 'GMT', as in force in London at `instant`."""
    return to_london(instant).tzname() or ""
