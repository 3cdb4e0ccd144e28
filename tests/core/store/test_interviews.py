"""An interview moves only along the lifecycle, keeps every revision, and lists by deadline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    ReturnInterview,
    Review,
    ReviewDecision,
    new_id,
)
from rhi_desktop.domain.lifecycle import IllegalTransition
from rhi_desktop.store import ReadOnlyRecordError, StaleEditError, Store
from tests.core.store.conftest import START, Clock, SeededStore

S = InterviewState


def add_case(store: Store, case_reference: str = "CR-9", hours_ago: float = 2) -> ReturnInterview:
    child = Child(
        id=new_id(),
        case_reference=case_reference,
        name="Hyacinth Fothergill",
        date_of_birth=date(2008, 4, 4),
    )
    returned = START - timedelta(hours=hours_ago)
    episode = MissingEpisode(
        id=new_id(),
        child_id=child.id,
        type=EpisodeType.MISSING,
        start=returned - timedelta(hours=9),
        end=returned,
    )
    with store.transaction("coordinator-1") as tx:
        tx.children.add(child)
        tx.episodes.add(episode)
        return tx.interviews.add(
            ReturnInterview(
                id=new_id(),
                child_id=child.id,
                episode_ids=(episode.id,),
                interviewer_id="interviewer-1",
                returned_at=returned,
                form_id="rhi",
                form_version=1,
            )
        )


def walk(store: Store, interview_id: str, *targets: InterviewState) -> ReturnInterview:
    with store.transaction("interviewer-1") as tx:
        for target in targets:
            moved = tx.interviews.transition(interview_id, target)
    return moved


def review(store: Store, interview: ReturnInterview, decision: ReviewDecision) -> Review:
    with store.transaction("coordinator-1") as tx:
        return tx.reviews.add(
            Review(
                id=new_id(),
                interview_id=interview.id,
                revision=interview.revision,
                reviewer_id="coordinator-1",
                decided_at=START + timedelta(days=1),
                decision=decision,
                overall_comment="Please add who was present.",
            )
        )


def test_illegal_transition_raises_and_changes_nothing(store: Store) -> None:
    interview = add_case(store)
    head, counts = store.audit.head(), store.outbox.counts()
    with store.transaction("interviewer-1") as tx:
        with pytest.raises(IllegalTransition, match="assigned cannot become completed"):
            tx.interviews.transition(interview.id, S.COMPLETED)
        # The caller carries on and the transaction commits, yet the refused move
        # leaves no trace.
        assert tx.interviews.get(interview.id).state is S.ASSIGNED
    assert store.interviews.get(interview.id) == interview
    assert store.audit.head() == head
    assert store.outbox.counts() == counts


def test_interview_goes_from_assignment_to_approval_with_sign_off_audited(
    store: Store, clock: Clock
) -> None:
    interview = add_case(store)
    started = walk(store, interview.id, S.OFFERED, S.IN_PROGRESS)
    assert started.started_at is not None and started.version == interview.version + 2
    with store.transaction("interviewer-1") as tx:
        tx.interviews.save_answers(
            interview.id, {"where_went": "library"}, expected_version=started.version
        )
    completed = walk(store, interview.id, S.COMPLETED)
    assert completed.completed_at is not None
    sign_off = store.audit.events()[-1]
    assert (sign_off.action, sign_off.entity_id) == (AuditAction.SIGN_OFF, interview.id)
    assert sign_off.detail["to_state"] == "completed"
    walk(store, interview.id, S.SUBMITTED)
    review(store, store.interviews.get(interview.id), ReviewDecision.APPROVED)
    approved = store.interviews.get(interview.id)
    assert approved.state is S.APPROVED and approved.answers == {"where_went": "library"}
    assert store.interviews.approved_before(clock.now + timedelta(days=30)) == [interview.id]
    assert [e.action for e in store.audit.events()[-2:]] == [
        AuditAction.REVIEW,
        AuditAction.TRANSITION,
    ]


def test_declined_offer_can_be_offered_again(store: Store) -> None:
    interview = add_case(store)
    walk(store, interview.id, S.OFFERED, S.DECLINED, S.OFFERED, S.IN_PROGRESS)
    assert store.interviews.get(interview.id).state is S.IN_PROGRESS


def test_signed_off_interview_cannot_be_edited(store: Store) -> None:
    interview = add_case(store)
    completed = walk(store, interview.id, S.OFFERED, S.IN_PROGRESS, S.COMPLETED)
    counts = store.outbox.counts()
    with pytest.raises(ReadOnlyRecordError, match="completed"), store.transaction("iv") as tx:
        tx.interviews.save_answers(interview.id, {"x": 1}, expected_version=completed.version)
    assert store.interviews.get(interview.id) == completed
    assert store.outbox.counts() == counts


def test_amendment_after_return_creates_revision_two_and_keeps_revision_one_readable(
    store: Store,
) -> None:
    interview = add_case(store)
    first = walk(store, interview.id, S.OFFERED, S.IN_PROGRESS)
    with store.transaction("interviewer-1") as tx:
        tx.interviews.save_answers(
            interview.id, {"who_with": "cousin"}, expected_version=first.version
        )
    submitted = walk(store, interview.id, S.COMPLETED, S.SUBMITTED)
    review(store, submitted, ReviewDecision.RETURNED)
    returned = store.interviews.get(interview.id)
    assert returned.state is S.RETURNED
    with pytest.raises(ReadOnlyRecordError), store.transaction("iv") as tx:
        tx.interviews.save_answers(
            interview.id, {"who_with": "?"}, expected_version=returned.version
        )

    reopened = walk(store, interview.id, S.IN_PROGRESS)
    assert reopened.revision == 2 and reopened.completed_at is None
    assert reopened.answers == {"who_with": "cousin"}  # the amendment starts from a copy
    with store.transaction("interviewer-1") as tx:
        tx.interviews.save_answers(
            interview.id, {"who_with": "cousin and two adults"}, expected_version=reopened.version
        )

    first_revision = store.interviews.revision(interview.id, 1)
    assert first_revision.answers == {"who_with": "cousin"}
    assert first_revision.state is S.RETURNED and first_revision.closed_at is not None
    assert first_revision.completed_at == submitted.completed_at
    history = store.interviews.revisions(interview.id)
    assert [(r.revision, r.closed_at is None) for r in history] == [(1, False), (2, True)]
    assert history[-1].answers == {"who_with": "cousin and two adults"}

    # A review of the old revision no longer applies; one of revision 2 does.
    resubmitted = walk(store, interview.id, S.COMPLETED, S.SUBMITTED)
    with pytest.raises(StaleEditError):
        review(store, replace(resubmitted, revision=1), ReviewDecision.APPROVED)
    review(store, resubmitted, ReviewDecision.APPROVED)
    assert store.interviews.get(interview.id).state is S.APPROVED
    assert [r.revision for r in store.reviews.for_interview(interview.id)] == [1, 2]
    assert store.interviews.revision(interview.id, 1).answers == {"who_with": "cousin"}


def test_review_of_an_interview_not_yet_submitted_is_an_illegal_transition(store: Store) -> None:
    interview = walk(store, add_case(store).id, S.OFFERED, S.IN_PROGRESS)
    with pytest.raises(IllegalTransition):
        review(store, interview, ReviewDecision.APPROVED)
    assert store.reviews.for_interview(interview.id) == []


def test_a_decision_already_reflected_is_recorded_once_without_a_move(store: Store) -> None:
    # An interview that reaches the device already approved (from the central service,
    # or demo data) still gets its review on record, and its retention clock.
    interview = add_case(store)
    with store.transaction("sync") as tx:
        arrived = tx.interviews.add(replace(interview, id=new_id(), state=S.APPROVED))
    decision = review(store, arrived, ReviewDecision.APPROVED)
    assert store.interviews.get(arrived.id).state is S.APPROVED
    assert store.reviews.for_interview(arrived.id) == [decision]
    assert store.interviews.approved_before(decision.decided_at) == []
    later = decision.decided_at + timedelta(seconds=1)
    assert store.interviews.approved_before(later) == [arrived.id]
    with pytest.raises(IllegalTransition):
        review(store, arrived, ReviewDecision.APPROVED)
    assert len(store.reviews.for_interview(arrived.id)) == 1


def test_counts_by_state_cover_every_state(
    make_seeded_store: Callable[..., SeededStore],
) -> None:
    counts = make_seeded_store(children=12).store.interviews.count_by_state()
    assert set(counts) == set(S) and sum(counts.values()) == 12
    assert counts[S.ASSIGNED] == 2 and counts[S.SUBMITTED] == 2 and counts[S.APPROVED] == 0


def test_state_changes_only_through_transition(store: Store) -> None:
    interview = add_case(store)
    with pytest.raises(ValueError, match="transition"), store.transaction("iv") as tx:
        tx.interviews.update(replace(interview, state=S.APPROVED))
    assert store.interviews.get(interview.id).state is S.ASSIGNED


def test_an_interview_can_take_in_a_further_episode(store: Store) -> None:
    interview = add_case(store)
    extra = MissingEpisode(
        id=new_id(), child_id=interview.child_id, type=EpisodeType.AWAY, start=START
    )
    with store.transaction("iv") as tx:
        tx.episodes.add(extra)
        tx.interviews.update(replace(interview, episode_ids=(*interview.episode_ids, extra.id)))
    assert store.interviews.get(interview.id).episode_ids == (*interview.episode_ids, extra.id)


def test_caseload_lists_interviews_by_state_soonest_deadline_first(
    make_seeded_store: Callable[..., SeededStore],
) -> None:
    store = make_seeded_store(children=20).store
    rows = store.interviews.list_by_state(S.ASSIGNED, S.OFFERED)
    assert rows and {r.state for r in rows} == {S.ASSIGNED, S.OFFERED}
    assert [r.due_by for r in rows] == sorted(r.due_by for r in rows)
    everything = store.interviews.list_by_state(*S)
    assert len(everything) == 20
    assert len(store.interviews.list_by_state(S.ASSIGNED, limit=2)) == 2
    assert all(r.due_by - r.returned_at == timedelta(hours=72) for r in everything)
    # The preferred name is what the list shows.
    assert "Zephyrine" in {r.child_name for r in everything}


def test_due_within_lists_interviews_racing_the_clock_due_soon_including_overdue(
    make_seeded_store: Callable[..., SeededStore], clock: Clock
) -> None:
    store = make_seeded_store(children=20).store
    now = START
    soon = store.interviews.due_within(24, now)
    racing = {S.ASSIGNED, S.OFFERED, S.IN_PROGRESS}  # a declined offer ends the race
    expected = [
        r for r in store.interviews.list_by_state(*racing) if r.due_by <= now + timedelta(hours=24)
    ]
    assert soon == expected and soon
    declined = store.interviews.list_by_state(S.DECLINED)
    assert any(r.due_by <= now for r in declined)  # the seed has one past its 72 hours...
    assert not {r.interview_id for r in declined} & {r.interview_id for r in soon}  # ...not due
    assert any(r.due_by < now for r in soon)  # overdue ones are the most urgent
    not_overdue = store.interviews.due_within(24, now, include_overdue=False)
    assert not_overdue == [r for r in expected if r.due_by >= now]


def test_search_by_case_reference_prefix_ignores_letter_case(
    make_seeded_store: Callable[..., SeededStore],
) -> None:
    store = make_seeded_store(children=20).store
    assert [r.case_reference for r in store.interviews.search_by_case_reference("cr-0001")] == [
        f"CR-{n:05d}" for n in range(10, 20)
    ]
    assert [r.case_reference for r in store.interviews.search_by_case_reference("CR-00007")] == [
        "CR-00007"
    ]
    assert store.interviews.search_by_case_reference("XX") == []
    assert len(store.interviews.search_by_case_reference("cr", limit=5)) == 5
    found = store.children.by_case_reference("cr-00003")
    assert found is not None and found.case_reference == "CR-00003"
