"""An interviewer leaves with children still owed their interviews: IT hands their open
interviews to a colleague, whose laptop pulls each with its child, episodes, offers and
reviews, and carries on where the leaver stopped. Approved interviews stay where they are."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import (
    EpisodeType,
    InterviewState,
    Offer,
    OfferMethod,
    OfferOutcome,
    ReviewDecision,
    new_id,
)
from rhi_desktop.review import Decision, decide
from sync.engine import SyncOutcome
from sync.protocol import Role
from sync.server import admin
from sync.server.handover import hand_over
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral

S = InterviewState


def _offer(laptop: Laptop, interview_id: str) -> str:
    offer = Offer(
        id=new_id(),
        interview_id=interview_id,
        offered_at=datetime.now(UTC) - timedelta(hours=5),
        method=OfferMethod.IN_PERSON,
        offered_by=laptop.profile.actor,
        outcome=OfferOutcome.ACCEPTED,
        child_chose_venue_and_time=True,
    )
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.offers.add(offer)
    return offer.id


def _decide(laptop: Laptop, interview_id: str, decision: ReviewDecision, words: str) -> None:
    decide(
        laptop.store,
        laptop.profile.actor,
        interview_id,
        Decision(decision, 1, words),
        datetime.now(UTC),
    )
    assert laptop.sync().outcome is SyncOutcome.SENT


def _assigned(central: LiveCentral, interviewer: str) -> str:
    now = datetime.now(UTC)
    spec = admin.AssignmentSpec(
        interviewer=interviewer,
        child_ref=f"HAND-{new_id()[:8]}",
        child_name="Example Newcase",
        date_of_birth=date(now.year - 14, 3, 4),  # a child whatever the year
        episode_type=EpisodeType.MISSING,
        missing_since=now - timedelta(hours=20),
        returned_at=now - timedelta(hours=2),
    )
    return admin.assign(central.engine, spec, utc_now).interview_id


def test_a_leavers_open_interviews_carry_on_on_a_colleagues_laptop(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {new_id()[:8]}"
    sam_name, ben_name = (
        central.add_user(Role.INTERVIEWER, team),
        central.add_user(Role.INTERVIEWER, team),
    )
    sam = new_laptop(central, tmp_path / "sam", username=sam_name, team=team)
    ben = new_laptop(central, tmp_path / "ben", username=ben_name, team=team)
    coordinator = new_laptop(central, tmp_path / "co", Role.COORDINATOR, team=team)
    returned = record_completed_case(sam, 1, state=S.SUBMITTED)
    offer_id = _offer(sam, returned)
    approved = record_completed_case(sam, 2, state=S.SUBMITTED)
    waiting = _assigned(central, sam_name)
    assert sam.sync().outcome is SyncOutcome.SENT
    assert ben.sync().pull.received == 0
    coordinator.sync()
    _decide(coordinator, returned, ReviewDecision.RETURNED, "Say where they slept")
    _decide(coordinator, approved, ReviewDecision.APPROVED, "Thorough")
    sam.sync()
    assert sam.store.interviews.get(returned).state is S.RETURNED

    admin.user_leaves(central.engine, sam_name, utc_now)
    moved = hand_over(central.engine, sam_name, ben_name, utc_now)

    assert sorted(moved.interviews) == sorted([returned, waiting])
    assert ben.sync().outcome is SyncOutcome.SENT
    ben_id = ben.profile.actor
    held = {
        interview.id: interview
        for child in ben.store.children.all()
        for interview in ben.store.interviews.for_child(child.id)
    }
    assert sorted(held) == sorted([returned, waiting])
    assert {i.interviewer_id for i in held.values()} == {ben_id}
    assert held[returned].state is S.RETURNED and held[returned].answers["where_went"]
    assert held[waiting].state is S.ASSIGNED
    assert ben.store.offers.get(offer_id).offered_by == sam.profile.actor  # history kept
    [review] = ben.store.reviews.for_interview(returned)
    assert review.overall_comment == "Say where they slept"
    for interview in held.values():
        for episode_id in interview.episode_ids:
            assert ben.store.episodes.get(episode_id).child_id == interview.child_id

    with ben.store.transaction(ben_id) as tx:
        for target in (S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED):
            tx.interviews.transition(returned, target)
        tx.interviews.transition(waiting, S.OFFERED)
    sent = ben.sync()
    assert sent.outcome is SyncOutcome.SENT, sent.summary()
    assert sent.push.conflicts == 0 and sent.push.rejected == 0
    assert central.entity("interview", returned).payload["state"] == "submitted"
    assert central.entity("interview", returned).payload["interviewer_id"] == ben_id
    assert central.entity("interview", waiting).payload["state"] == "offered"
    assert central.entity("interview", approved).payload["interviewer_id"] == sam.profile.actor

    coordinator.sync()
    sent_back = coordinator.store.interviews.get(returned)
    assert sent_back.state is S.SUBMITTED and sent_back.interviewer_id == ben_id
    assert coordinator.store.interviews.get(approved).interviewer_id == sam.profile.actor
