"""Which decision returned an interview: by revision, never by the deciders' clocks, and
the one the central service accepted over a second coordinator's that it refused."""

from __future__ import annotations

from datetime import datetime, timedelta

from rhi_desktop.domain.entities import InterviewState, Review, ReviewDecision, new_id
from rhi_desktop.review import Decision, decide, returning_review, review_subject
from rhi_desktop.store import RemoteRecord, Store
from rhi_desktop.store.records import payload
from tests.core.reports.casebook import Casebook, utc
from tests.core.review.conftest import FORM, resubmit, submitted

NOW = utc(2026, 2, 10, 9, 0)


def _return(
    store: Store, coordinator: str, interview_id: str, revision: int, words: str, at: datetime
) -> None:
    decide(store, coordinator, interview_id, Decision(ReviewDecision.RETURNED, revision, words), at)


def test_the_latest_returned_revision_wins_whatever_the_clocks_said(
    store: Store, book: Casebook
) -> None:
    interview = submitted(book, NOW - timedelta(hours=30))
    # The first coordinator's laptop clock ran twelve hours fast.
    _return(store, "coord-x", interview.id, 1, "Say where they slept", NOW + timedelta(hours=12))
    resubmit(store, interview.id, {"where_slept": "friend"}, NOW + timedelta(hours=2))
    _return(store, "coord-y", interview.id, 2, "Record consent", NOW + timedelta(hours=5))
    with store.transaction("iv-1") as tx:
        tx.interviews.transition(
            interview.id, InterviewState.IN_PROGRESS, at=NOW + timedelta(hours=6)
        )

    shown = returning_review(store, interview.id)

    assert shown is not None and (shown.revision, shown.overall_comment) == (2, "Record consent")
    earlier = returning_review(store, interview.id, 1)
    assert earlier is not None and earlier.overall_comment == "Say where they slept"
    assert returning_review(store, interview.id, 3) is None


def test_the_decision_the_service_accepted_is_the_one_shown(store: Store, book: Casebook) -> None:
    # This coordinator returned revision 1 offline; so had another, whose decision the
    # service accepted first and this laptop has since pulled. Revision 2 then arrived.
    interview = submitted(book, NOW - timedelta(hours=30))
    _return(store, "coord-b", interview.id, 1, "Redo the risk section", NOW + timedelta(hours=1))
    accepted = Review(
        id=new_id(),
        interview_id=interview.id,
        revision=1,
        reviewer_id="coord-a",
        decided_at=NOW,
        decision=ReviewDecision.RETURNED,
        overall_comment="Say where they slept",
    )
    with store.transaction("sync") as tx:
        tx.remote.apply(RemoteRecord("review", accepted.id, 1, payload(accepted), NOW))
    resubmit(store, interview.id, {"where_slept": "friend"}, NOW + timedelta(hours=3))

    shown = returning_review(store, interview.id, 1)
    assert shown is not None and shown.overall_comment == "Say where they slept"
    subject = review_subject(store, interview.id, lambda _form, _version: FORM)
    assert subject.previous_feedback is not None
    assert subject.previous_feedback.overall_comment == "Say where they slept"


def test_discarding_a_refused_decision_removes_it_from_this_laptop(
    store: Store, book: Casebook
) -> None:
    interview = submitted(book, NOW - timedelta(hours=30))
    _return(store, "coord-b", interview.id, 1, "Redo the risk section", NOW)
    [mine] = store.reviews.for_interview(interview.id)
    change = store.outbox.for_entity("review", mine.id)[-1]
    with store.transaction("sync") as tx:
        tx.outbox.quarantine(change.change_id, "rejected: the interview is not awaiting review")
    with store.transaction("coord-b") as tx:
        tx.outbox.discard(change.change_id)

    assert store.reviews.for_interview(interview.id) == []
    assert returning_review(store, interview.id) is None


def test_discarding_leaves_a_decision_the_service_holds(store: Store, book: Casebook) -> None:
    interview = submitted(book, NOW - timedelta(hours=30))
    _return(store, "coord-b", interview.id, 1, "Redo the risk section", NOW)
    [mine] = store.reviews.for_interview(interview.id)
    change = store.outbox.for_entity("review", mine.id)[-1]
    with store.transaction("sync") as tx:
        tx.reviews.acknowledge(mine.id, 1)
        tx.outbox.quarantine(change.change_id, "rejected: the interview is not awaiting review")
    with store.transaction("coord-b") as tx:
        tx.outbox.discard(change.change_id)

    assert store.reviews.for_interview(interview.id) == [mine]
