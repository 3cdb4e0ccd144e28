"""Supervision sessions and the quality reviews of those sessions."""

from __future__ import annotations

from rhi_desktop.domain.entities import SupervisionQualityReview, SupervisionSession
from rhi_desktop.store.records import QUALITY_REVIEWS, SUPERVISION_SESSIONS
from rhi_desktop.store.repository import Repository


class SupervisionSessionRepository(Repository[SupervisionSession]):
    spec = SUPERVISION_SESSIONS

    def for_supervisee(self, supervisee_id: str) -> list[SupervisionSession]:
        """Most recent first: the top one sets when the next session is due."""
        return self._select("supervisee_id = ?", (supervisee_id,), order_by="held_on DESC")

    def by_supervisor(self, supervisor_id: str) -> list[SupervisionSession]:
        return self._select("supervisor_id = ?", (supervisor_id,), order_by="held_on DESC")

    def newest_first(self) -> list[SupervisionSession]:
        """Every session on this device (the team's, for a coordinator or manager)."""
        return self._select("1 = 1", order_by="held_on DESC, rowid DESC")


class QualityReviewRepository(Repository[SupervisionQualityReview]):
    spec = QUALITY_REVIEWS

    def for_session(self, session_id: str) -> list[SupervisionQualityReview]:
        return self._select("session_id = ?", (session_id,), order_by="reviewed_at")

    def by_session(self) -> dict[str, tuple[SupervisionQualityReview, ...]]:
        """Every review on this device, by session, oldest first: one read for a list."""
        found: dict[str, list[SupervisionQualityReview]] = {}
        for review in self._select("1 = 1", order_by="reviewed_at"):
            found.setdefault(review.session_id, []).append(review)
        return {session_id: tuple(items) for session_id, items in found.items()}
