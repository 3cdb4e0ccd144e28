"""Two coordinators return the same interview offline; the service keeps the first
decision. The second coordinator's refused comments are never shown as what the
interviewer was asked, before or after they discard them, and their refused decision
cannot be sent again over the revision the interviewer amended since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rhi_desktop.domain.entities import InterviewState, ReviewDecision, new_id
from rhi_desktop.forms import load_bundled_form
from rhi_desktop.review import Decision, decide, review_queue, review_subject
from rhi_desktop.store import OvertakenChangeError
from sync.protocol import Role
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral

FORM = load_bundled_form("rhi-v1.json")


def _asked(laptop: Laptop, interview_id: str) -> str | None:
    subject = review_subject(laptop.store, interview_id, lambda _form, _version: FORM)
    feedback = subject.previous_feedback
    return None if feedback is None else feedback.overall_comment


@dataclass(frozen=True)
class BothReturned:
    interviewer: Laptop
    second: Laptop
    interview_id: str


def _both_returned_then_amended(central: LiveCentral, tmp_path: Path) -> BothReturned:
    """Two coordinators return one interview offline; the second, later by the clock,
    syncs after the first, so the service keeps the first's decision and parks the
    second's. The interviewer amends what the first asked for and sends revision 2."""
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "iv", team=team)
    first = new_laptop(central, tmp_path / "a", Role.COORDINATOR, team=team)
    second = new_laptop(central, tmp_path / "b", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer, state=InterviewState.SUBMITTED)
    for laptop in (interviewer, first, second):
        laptop.sync()
    now = datetime.now(UTC)
    for laptop, words, at in (
        (first, "Say where they slept", now),
        (second, "Redo the risk section", now + timedelta(minutes=5)),
    ):
        decision = Decision(ReviewDecision.RETURNED, 1, words)
        decide(laptop.store, laptop.profile.actor, interview_id, decision, at)
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
    return BothReturned(interviewer, second, interview_id)


def test_only_the_accepted_decision_is_shown_as_what_was_asked(
    central: LiveCentral, tmp_path: Path
) -> None:
    both = _both_returned_then_amended(central, tmp_path)
    second, interview_id = both.second, both.interview_id
    assert _asked(second, interview_id) == "Say where they slept"

    with second.store.transaction(second.profile.actor) as tx:
        for entry in second.store.outbox.quarantined():
            tx.outbox.discard(entry.change_id)
    second.sync()

    assert _asked(second, interview_id) == "Say where they slept"
    held = second.store.reviews.for_interview(interview_id)
    assert [review.overall_comment for review in held] == ["Say where they slept"]


def test_the_second_decision_cannot_be_sent_again_over_the_amended_revision(
    central: LiveCentral, tmp_path: Path
) -> None:
    # The second coordinator's decision was about revision 1: sending it again must be
    # refused, and revision 2 must stay in their review queue.
    both = _both_returned_then_amended(central, tmp_path)
    second, interview_id = both.second, both.interview_id
    assert [item.revision for item in review_queue(second.store)] == [2]
    parked = next(e for e in second.store.outbox.quarantined() if e.entity == "interview")

    with pytest.raises(OvertakenChangeError), second.store.transaction(second.profile.actor) as tx:
        tx.outbox.keep_mine(parked.change_id)

    held = second.store.interviews.get(interview_id)
    assert (held.state, held.revision) == (InterviewState.SUBMITTED, 2)
    assert [item.revision for item in review_queue(second.store)] == [2]
