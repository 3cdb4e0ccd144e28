"""Two coordinators return the same interview offline; the service keeps the first
decision. The second coordinator's refused comments are never shown as what the
interviewer was asked, before or after they discard them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from rhi_desktop.domain.entities import InterviewState, ReviewDecision, new_id
from rhi_desktop.forms import load_bundled_form
from rhi_desktop.review import Decision, decide, review_subject
from sync.protocol import Role
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral

FORM = load_bundled_form("rhi-v1.json")


def _asked(laptop: Laptop, interview_id: str) -> str | None:
    subject = review_subject(laptop.store, interview_id, lambda _form, _version: FORM)
    feedback = subject.previous_feedback
    return None if feedback is None else feedback.overall_comment


def test_only_the_accepted_decision_is_shown_as_what_was_asked(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "iv", team=team)
    first = new_laptop(central, tmp_path / "a", Role.COORDINATOR, team=team)
    second = new_laptop(central, tmp_path / "b", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer, state=InterviewState.SUBMITTED)
    for laptop in (interviewer, first, second):
        laptop.sync()
    now = datetime.now(UTC)
    # The second coordinator decides later by the clock, but syncs after the first.
    for laptop, words, at in (
        (first, "Say where they slept", now),
        (second, "Redo the risk section", now + timedelta(minutes=5)),
    ):
        decide(
            laptop.store,
            laptop.profile.actor,
            interview_id,
            Decision(ReviewDecision.RETURNED, 1, words),
            at,
        )
    first.sync()
    second.sync()
    interviewer.sync()
    received = interviewer.store.reviews.for_interview(interview_id)
    assert [review.overall_comment for review in received] == ["Say where they slept"]
    with interviewer.store.transaction(interviewer.profile.actor) as tx:
        for state in (InterviewState.IN_PROGRESS, InterviewState.COMPLETED):
            tx.interviews.transition(interview_id, state)
        tx.interviews.transition(interview_id, InterviewState.SUBMITTED)
    interviewer.sync()
    second.sync()
    assert second.store.outbox.quarantined()
    assert _asked(second, interview_id) == "Say where they slept"

    with second.store.transaction(second.profile.actor) as tx:
        for entry in second.store.outbox.quarantined():
            tx.outbox.discard(entry.change_id)
    second.sync()

    assert _asked(second, interview_id) == "Say where they slept"
    held = second.store.reviews.for_interview(interview_id)
    assert [review.overall_comment for review in held] == ["Say where they slept"]
