"""The coordinator's queue: what waits for a decision, in what order, with what timings."""

from __future__ import annotations

from datetime import timedelta

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.review import approve, return_for_amendment, review_queue
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc
from tests.core.review.conftest import COORDINATOR, Clock, resubmit, submitted

RETURNED = utc(2026, 2, 5, 18, 0)


def test_only_submitted_interviews_wait_longest_waiting_first(
    store: Store, book: Casebook, clock: Clock
) -> None:
    first = submitted(book, RETURNED, reference="Q-1")
    child = book.child("Q-DRAFT")
    episode = book.episode(child, RETURNED - timedelta(days=1), RETURNED)
    book.interview(child, [episode], state=InterviewState.IN_PROGRESS, started=RETURNED)
    completed = book.child("Q-DONE")
    book.interview(
        completed,
        [book.episode(completed, RETURNED - timedelta(days=1), RETURNED)],
        state=InterviewState.COMPLETED,
        started=RETURNED,
        completed=RETURNED,
    )
    clock.now += timedelta(hours=1)
    second = submitted(book, RETURNED, reference="Q-2")
    decided = submitted(book, RETURNED, reference="Q-3")
    approve(store, COORDINATOR, decided.id, 1, clock.now)

    queue = review_queue(store)

    assert [row.case_reference for row in queue] == ["Q-1", "Q-2"]
    assert [row.interview_id for row in queue] == [first.id, second.id]
    assert queue[0].submitted_at < queue[1].submitted_at


def test_a_row_carries_the_timings_against_the_72_hours(store: Store, book: Casebook) -> None:
    on_time = submitted(
        book,
        RETURNED,
        reference="T-1",
        started_after=timedelta(hours=30, minutes=30),
        signed_off_after=timedelta(hours=72),
    )
    late = submitted(
        book,
        RETURNED,
        reference="T-2",
        started_after=timedelta(hours=70),
        signed_off_after=timedelta(hours=72, minutes=1),
        answers={"venue_type": "home"},
        interviewer="0f9a8b7c-1111-2222-3333-444455556666",
    )

    rows = {row.interview_id: row for row in review_queue(store)}

    assert rows[on_time.id].hours_from_return == 30.5
    assert rows[on_time.id].within_72_hours is True  # exactly 72 hours still counts
    assert rows[on_time.id].interviewer == "Sam Interviewer"  # the name signed on the form
    assert rows[late.id].hours_from_return == 70.0
    assert rows[late.id].within_72_hours is False
    assert rows[late.id].interviewer == "0f9a8b7c"  # no signed name: the user id's start
    assert not rows[late.id].resubmitted


def test_a_resubmitted_interview_keeps_its_first_interview_time(
    store: Store, book: Casebook, clock: Clock
) -> None:
    interview = submitted(book, RETURNED, started_after=timedelta(hours=10))
    return_for_amendment(store, COORDINATOR, interview.id, 1, clock.now, overall_comment="More")
    assert review_queue(store) == []

    resubmit(store, interview.id, {"venue_type": "home"}, RETURNED + timedelta(days=9))

    (row,) = review_queue(store)
    assert row.revision == 2 and row.resubmitted
    assert row.hours_from_return == 10.0  # amending days later is not re-interviewing
    assert row.within_72_hours is True
