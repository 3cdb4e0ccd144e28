"""The offer history and the 72-hour timings of one interview, as a reviewer checks them.

Timings follow the figures in `rhi_desktop.reports`: the interview took place when its
first revision was started, and it was done within 72 hours when that first revision was
signed off no later than 72 hours after the child returned. A revision reopened after a
coordinator returned it does not move either (amending is not re-interviewing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rhi_desktop.domain.deadlines import due_by, within_window
from rhi_desktop.domain.entities import OfferMethod, OfferOutcome, ReturnInterview
from rhi_desktop.store import InterviewRevision, Store


@dataclass(frozen=True, slots=True)
class OfferLine:
    offered_at: datetime
    hours_from_return: float
    method: OfferMethod
    outcome: OfferOutcome
    offered_by: str
    child_chose_venue_and_time: bool | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Timings:
    returned_at: datetime  # found or returned: the 72-hour clock starts here
    due_by: datetime
    offers: tuple[OfferLine, ...]  # oldest first
    interviewed_at: datetime | None  # the first revision's start
    signed_off_at: datetime | None  # the first revision's sign-off
    late_reason: str | None

    @property
    def hours_to_interview(self) -> float | None:
        if self.interviewed_at is None:
            return None
        return hours_between(self.returned_at, self.interviewed_at)

    @property
    def within_72_hours(self) -> bool | None:
        """Signed off within 72 hours of the return; None before any sign-off."""
        if self.signed_off_at is None:
            return None
        return within_window(self.returned_at, self.signed_off_at)


def hours_between(start: datetime, end: datetime) -> float:
    """The hours from `start` to `end`, to a tenth, rounded up: 72 hours and 2 minutes
    read 72.0, beside a KPI that counts it late."""
    return math.ceil(round((end - start).total_seconds() / 360, 6)) / 10


def first_revision_times(
    revisions: Sequence[InterviewRevision], interview: ReturnInterview
) -> tuple[datetime | None, datetime | None]:
    """(started, signed off) of the interview's first revision, where this device has it."""
    first = revisions[0]
    if first.revision != 1:  # the first revision never reached this device
        return interview.started_at, interview.completed_at
    return first.started_at, first.completed_at


def timings_of(
    store: Store, interview: ReturnInterview, revisions: Sequence[InterviewRevision]
) -> Timings:
    """`revisions`: the interview's revisions, oldest first (`store.interviews.revisions`)."""
    started, signed_off = first_revision_times(revisions, interview)
    offers = tuple(
        OfferLine(
            offered_at=offer.offered_at,
            hours_from_return=hours_between(interview.returned_at, offer.offered_at),
            method=offer.method,
            outcome=offer.outcome,
            offered_by=offer.offered_by,
            child_chose_venue_and_time=offer.child_chose_venue_and_time,
            reason=offer.reason,
        )
        for offer in store.offers.for_interview(interview.id)
    )
    return Timings(
        returned_at=interview.returned_at,
        due_by=due_by(interview.returned_at),
        offers=offers,
        interviewed_at=started,
        signed_off_at=signed_off,
        late_reason=interview.late_reason,
    )
