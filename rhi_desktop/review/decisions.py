"""A coordinator's decision on a submitted interview, as one store transaction each.

The decision names the revision the coordinator read. If the interview has moved on
since (a newer revision arrived, or it was decided elsewhere), nothing is saved and a
`ReviewError` says which, so the screen can tell the coordinator to look again rather
than approve answers they have not seen. Saving the review moves the interview to
approved or returned in the same transaction; the store audits both and queues both
for the central service.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from rhi_desktop.domain.deadlines import require_aware
from rhi_desktop.domain.entities import InterviewState, Review, ReviewDecision, new_id
from rhi_desktop.store import Store


class ReviewProblem(StrEnum):
    NOT_SUBMITTED = "not_submitted"  # already decided, or not sent for review
    STALE_REVISION = "stale_revision"  # a newer revision arrived since it was read
    NO_COMMENT = "no_comment"  # returning needs at least one comment


class ReviewError(ValueError):
    """A decision that cannot be saved as it stands (`problem` says why)."""

    def __init__(self, problem: ReviewProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Decision:
    """What the coordinator decided about the revision they read, with their comments."""

    decision: ReviewDecision
    revision: int
    overall_comment: str | None = None
    question_comments: dict[str, str] = field(default_factory=dict)


def decide(
    store: Store, actor: str, interview_id: str, decision: Decision, now: datetime
) -> Review:
    """Approve or return, as `decision` says."""
    return _decide(
        store,
        actor,
        interview_id,
        decision.revision,
        now,
        decision.decision,
        decision.overall_comment,
        decision.question_comments,
    )


def _clean(comments: Mapping[str, str]) -> dict[str, str]:
    return {q: text.strip() for q, text in comments.items() if q and text.strip()}


def _decide(
    store: Store,
    actor: str,
    interview_id: str,
    revision: int,
    now: datetime,
    decision: ReviewDecision,
    overall_comment: str | None,
    question_comments: Mapping[str, str],
) -> Review:
    overall = (overall_comment or "").strip() or None
    comments = _clean(question_comments)
    if decision is ReviewDecision.RETURNED and overall is None and not comments:
        raise ReviewError(ReviewProblem.NO_COMMENT)
    review = Review(
        id=new_id(),
        interview_id=interview_id,
        revision=revision,
        reviewer_id=actor,
        decided_at=require_aware(now),
        decision=decision,
        overall_comment=overall,
        question_comments=comments,
    )
    with store.transaction(actor) as tx:
        interview = tx.interviews.get(interview_id)
        if interview.revision != revision:
            raise ReviewError(ReviewProblem.STALE_REVISION)
        if interview.state is not InterviewState.SUBMITTED:
            raise ReviewError(ReviewProblem.NOT_SUBMITTED)
        return tx.reviews.add(review)


def approve(
    store: Store,
    actor: str,
    interview_id: str,
    revision: int,
    now: datetime,
    *,
    overall_comment: str | None = None,
    question_comments: Mapping[str, str] | None = None,
) -> Review:
    """Submitted -> approved, with any comments the coordinator wrote kept on the review."""
    return _decide(
        store,
        actor,
        interview_id,
        revision,
        now,
        ReviewDecision.APPROVED,
        overall_comment,
        question_comments or {},
    )


def return_for_amendment(
    store: Store,
    actor: str,
    interview_id: str,
    revision: int,
    now: datetime,
    *,
    overall_comment: str | None = None,
    question_comments: Mapping[str, str] | None = None,
) -> Review:
    """Submitted -> returned, with an overall comment and/or comments on questions
    (at least one) for the interviewer to work through."""
    return _decide(
        store,
        actor,
        interview_id,
        revision,
        now,
        ReviewDecision.RETURNED,
        overall_comment,
        question_comments or {},
    )
