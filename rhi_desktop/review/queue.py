"""The coordinator's queue: submitted interviews of the team, oldest first.

A coordinator's device holds only what the central service lets it see: the team's
interviews from submission on, never a draft. The queue is every interview here that
is submitted and waiting for a decision, read in one narrow query (no answers but the
interviewer's signed name, no child's name).

`submitted_at` is when the submitted revision was written on this device: on the
coordinator's laptop, when it arrived from the service, which is the moment it joined
the queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rhi_desktop.domain.deadlines import within_window
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.reports.queries import database
from rhi_desktop.review.timings import hours_between
from rhi_desktop.store import Store
from rhi_desktop.store.records import instant, required_instant

# The sign-off question where the interviewer writes their name on the RHI form.
SIGNED_NAME_QUESTION = "interviewer_name"

_QUEUE = (
    "SELECT i.id, c.case_reference, i.interviewer_id,"
    " json_extract(i.answers, ?), i.revision, i.updated_at,"
    " i.returned_at, coalesce(r.started_at, i.started_at),"
    " coalesce(r.completed_at, i.completed_at), t.name"
    " FROM interviews AS i JOIN children AS c ON c.id = i.child_id"
    " LEFT JOIN team_members AS t ON t.user_id = i.interviewer_id"
    " LEFT JOIN interview_revisions AS r ON r.interview_id = i.id AND r.revision = 1"
    " WHERE i.state = ? ORDER BY i.updated_at, i.id"
)


@dataclass(frozen=True, slots=True)
class QueueRow:
    interview_id: str
    case_reference: str
    interviewer_id: str
    interviewer_name: str | None  # as signed on the form, when it was
    revision: int
    submitted_at: datetime
    returned_at: datetime
    interviewed_at: datetime | None
    signed_off_at: datetime | None
    interviewer_username: str | None = None  # from the team roster the service sends

    @property
    def interviewer(self) -> str:
        """Who to show: the signed name, else the roster's username, else the start of
        the interviewer's user id."""
        name = (self.interviewer_name or "").strip()
        return name or self.interviewer_username or self.interviewer_id[:8]

    @property
    def hours_from_return(self) -> float | None:
        """Hours from the child's return to the interview."""
        if self.interviewed_at is None:
            return None
        return hours_between(self.returned_at, self.interviewed_at)

    @property
    def within_72_hours(self) -> bool | None:
        """Signed off within 72 hours of the return (the first sign-off)."""
        if self.signed_off_at is None:
            return None
        return within_window(self.returned_at, self.signed_off_at)

    @property
    def resubmitted(self) -> bool:
        return self.revision > 1


def _row(row: Sequence[Any]) -> QueueRow:
    name = row[3] if isinstance(row[3], str) else None
    return QueueRow(
        interview_id=row[0],
        case_reference=row[1],
        interviewer_id=row[2],
        interviewer_name=name,
        revision=int(row[4]),
        submitted_at=required_instant(row[5]),
        returned_at=required_instant(row[6]),
        interviewed_at=instant(row[7]),
        signed_off_at=instant(row[8]),
        interviewer_username=row[9],
    )


def review_queue(store: Store) -> list[QueueRow]:
    """Interviews waiting for a coordinator's decision, longest waiting first."""
    rows = database(store).fetchall(
        _QUEUE, (f"$.{SIGNED_NAME_QUESTION}", InterviewState.SUBMITTED.value)
    )
    return [_row(r) for r in rows]
