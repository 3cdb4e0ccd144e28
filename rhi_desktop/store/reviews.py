"""A coordinator's decisions on submitted interviews."""

from __future__ import annotations

from collections.abc import Sequence

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import InterviewState, Review, ReviewDecision
from rhi_desktop.domain.lifecycle import check_transition
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import ReadOnlyRecordError, StaleEditError
from rhi_desktop.store.interviews import InterviewRepository
from rhi_desktop.store.records import REVIEWS
from rhi_desktop.store.repository import Repository

_OUTCOME = {
    ReviewDecision.APPROVED: InterviewState.APPROVED,
    ReviewDecision.RETURNED: InterviewState.RETURNED,
}


class ReviewRepository(Repository[Review]):
    spec = REVIEWS

    def __init__(
        self, db: Database, changes: ChangeRecorder | None, interviews: InterviewRepository
    ) -> None:
        super().__init__(db, changes)
        self._interviews = interviews

    def for_interview(self, interview_id: str) -> list[Review]:
        return self._select("interview_id = ?", (interview_id,), order_by="decided_at")

    def add_many(self, items: Sequence[Review]) -> list[Review]:
        """Record each decision and move its interview to approved or returned with it.

        The review must be of the interview's current revision, and that revision must be
        submitted. A decision the interview already reflects (it arrived approved or
        returned, e.g. from the central service or demo data) is recorded without a move,
        once per revision.
        """
        saved: list[Review] = []
        with self._db.savepoint():
            for review in items:
                interview = self._interviews.get(review.interview_id)
                target = _OUTCOME[review.decision]
                already = interview.state is target and not self._decided(review)
                if not already:
                    check_transition(interview.state, target)
                if review.revision != interview.revision:
                    raise StaleEditError("interview", interview.id)
                saved += self._insert([review], AuditAction.REVIEW)
                if already and target is InterviewState.APPROVED:
                    self._interviews.note_approval(interview.id, review.decided_at)
                elif not already:
                    self._interviews.transition(interview.id, target, at=review.decided_at)
        return saved

    def _decided(self, review: Review) -> bool:
        """Whether this interview revision already has a recorded decision."""
        return bool(
            self._db.scalar(
                "SELECT count(*) FROM reviews WHERE interview_id = ? AND revision = ?",
                (review.interview_id, review.revision),
            )
        )

    def update(self, item: Review) -> Review:
        raise ReadOnlyRecordError(
            self.spec.entity, item.id, "a review decision is final; record a new review"
        )
