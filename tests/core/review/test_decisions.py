"""Approving and returning: one transaction each, audited, queued for sync, never stale."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import InterviewState, ReviewDecision
from rhi_desktop.review import (
    ReviewError,
    ReviewProblem,
    approve,
    return_for_amendment,
)
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc
from tests.core.review.conftest import COORDINATOR, Clock, resubmit, submitted

RETURNED = utc(2026, 2, 5, 18, 0)


def _queued(store: Store) -> list[tuple[str, str]]:
    return [(e.entity, e.entity_id) for e in store.outbox.pending(limit=10_000)]


def test_returning_saves_the_comments_moves_the_interview_and_audits_both(
    store: Store, book: Casebook, clock: Clock
) -> None:
    interview = submitted(book, RETURNED)
    before = len(store.audit.events())
    queued = len(_queued(store))

    review = return_for_amendment(
        store,
        COORDINATOR,
        interview.id,
        1,
        clock.now,
        overall_comment="  Say where you met.  ",
        question_comments={"venue_type": " Check the venue. ", "interviewer_name": "   "},
    )

    assert review.decision is ReviewDecision.RETURNED and review.reviewer_id == COORDINATOR
    assert review.overall_comment == "Say where you met."
    assert review.question_comments == {"venue_type": "Check the venue."}
    assert store.reviews.for_interview(interview.id) == [review]
    assert store.interviews.get(interview.id).state is InterviewState.RETURNED
    actions = [e.action for e in store.audit.events()[before:]]
    assert AuditAction.REVIEW in actions and AuditAction.TRANSITION in actions
    assert _queued(store)[queued:] == [("review", review.id), ("interview", interview.id)]


def test_approving_moves_the_interview_to_approved(
    store: Store, book: Casebook, clock: Clock
) -> None:
    interview = submitted(book, RETURNED)

    review = approve(store, COORDINATOR, interview.id, 1, clock.now)

    assert review.decision is ReviewDecision.APPROVED and review.overall_comment is None
    assert store.interviews.get(interview.id).state is InterviewState.APPROVED


def test_returning_needs_a_comment_and_saves_nothing_without_one(
    store: Store, book: Casebook, clock: Clock
) -> None:
    interview = submitted(book, RETURNED)
    events = len(store.audit.events())

    with pytest.raises(ReviewError) as raised:
        return_for_amendment(
            store, COORDINATOR, interview.id, 1, clock.now, question_comments={"venue_type": " "}
        )

    assert raised.value.problem is ReviewProblem.NO_COMMENT
    assert store.interviews.get(interview.id).state is InterviewState.SUBMITTED
    assert len(store.audit.events()) == events


def test_a_decision_on_a_revision_that_was_replaced_is_refused(
    store: Store, book: Casebook, clock: Clock
) -> None:
    interview = submitted(book, RETURNED)
    return_for_amendment(store, COORDINATOR, interview.id, 1, clock.now, overall_comment="More")
    resubmit(store, interview.id, {"venue_type": "home"}, RETURNED + timedelta(days=1))

    with pytest.raises(ReviewError) as raised:
        approve(store, COORDINATOR, interview.id, 1, clock.now)

    assert raised.value.problem is ReviewProblem.STALE_REVISION
    assert store.interviews.get(interview.id).state is InterviewState.SUBMITTED
    assert len(store.reviews.for_interview(interview.id)) == 1


def test_a_second_decision_on_the_same_revision_is_refused(
    store: Store, book: Casebook, clock: Clock
) -> None:
    interview = submitted(book, RETURNED)
    approve(store, COORDINATOR, interview.id, 1, clock.now)

    with pytest.raises(ReviewError) as raised:
        return_for_amendment(store, COORDINATOR, interview.id, 1, clock.now, overall_comment="x")

    assert raised.value.problem is ReviewProblem.NOT_SUBMITTED
    assert store.interviews.get(interview.id).state is InterviewState.APPROVED
