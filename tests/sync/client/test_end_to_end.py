"""The whole journey over real TLS: enrol, push, a coordinator's review, pull back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop import audit
from rhi_desktop.audit import AuditAction
from rhi_desktop.config import Settings
from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.domain.entities import (
    EpisodeType,
    InterviewState,
    Offer,
    OfferMethod,
    OfferOutcome,
    Review,
    ReviewDecision,
    new_id,
)
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.reports.kpi import kpi_table
from rhi_desktop.reports.periods import Period
from rhi_desktop.session import LOCAL_ACTOR, create_profile
from sync.device import enrol_device
from sync.engine import SyncOutcome
from sync.protocol import EntityKind, Role
from sync.published_forms import FormsTally
from sync.server import admin
from tests.rhi_definition import rhi_definition
from tests.sync.client.certificates import Authority
from tests.sync.client.devices import (
    PASSPHRASE,
    Laptop,
    new_laptop,
    record_completed_case,
)
from tests.sync.client.live_central import LiveCentral, central_in


def test_submitted_interview_is_approved_by_the_coordinator_and_the_decision_comes_back(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer, state=InterviewState.SUBMITTED)

    sent = interviewer.sync()
    assert sent.outcome is SyncOutcome.SENT, sent.summary()
    assert sent.push.applied == 7 and sent.push.conflicts == 0  # child, episode, 5 moves
    assert interviewer.store.outbox.counts() == (0, 0)
    assert central.entity("interview", interview_id).version == 5
    assert interviewer.store.remote.server_version("interview", interview_id) == 5

    seen = coordinator.sync()
    assert seen.outcome is SyncOutcome.SENT, seen.summary()
    on_coordinator = coordinator.store.interviews.get(interview_id)
    assert on_coordinator.state is InterviewState.SUBMITTED
    assert coordinator.store.children.get(on_coordinator.child_id).name == "Testwell Example 0"

    _decide(coordinator, interview_id, ReviewDecision.APPROVED)
    decided = coordinator.sync()
    assert decided.outcome is SyncOutcome.SENT, decided.summary()
    assert decided.push.applied == 2

    back = interviewer.sync()
    assert back.outcome is SyncOutcome.SENT, back.summary()
    approved = interviewer.store.interviews.get(interview_id)
    assert approved.state is InterviewState.APPROVED
    assert interviewer.store.reviews.for_interview(interview_id)[0].decision is (
        ReviewDecision.APPROVED
    )
    assert interviewer.store.interviews.approved_before(datetime(2100, 1, 1, tzinfo=UTC)) == [
        interview_id
    ]
    # The service holds one interview, moved through six versions, each change once.
    rows = central.feed_rows("interview", interview_id)
    assert [r.version for r in rows] == [1, 2, 3, 4, 5, 6]
    assert len({r.change_id for r in rows}) == 6

    last = interviewer.store.audit.events()[-1]
    assert last.action == AuditAction.SYNC
    assert last.detail["received"] == back.pull.received and last.detail["outcome"] == "sent"
    assert audit.verify(interviewer.store).ok
    contact = interviewer.store.sync_state.last_contact()
    assert contact is not None and back.server_time == contact.server_time


def test_a_signed_off_interview_is_submitted_for_review_when_it_is_sent(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer)  # signed off: "ready to send"
    assert coordinator.sync().pull.received == 0  # nothing for review yet

    sent = interviewer.sync()

    assert sent.outcome is SyncOutcome.SENT and sent.submitted == 1, sent.summary()
    assert interviewer.store.interviews.get(interview_id).state is InterviewState.SUBMITTED
    assert interviewer.store.outbox.counts() == (0, 0)
    assert central.entity("interview", interview_id).payload["state"] == "submitted"
    assert coordinator.sync().outcome is SyncOutcome.SENT
    assert coordinator.store.interviews.get(interview_id).state is InterviewState.SUBMITTED
    assert interviewer.sync().submitted == 0  # once only
    syncs = [e for e in interviewer.store.audit.events() if e.entity == "sync"]
    assert [e.detail["submitted"] for e in syncs] == [1, 0]


def test_an_offer_reaches_the_coordinator_with_its_interview_but_not_the_draft_after_it(
    central: LiveCentral, tmp_path: Path
) -> None:
    interviewer, coordinator, offer = _offered(
        central,
        tmp_path,
        method=OfferMethod.IN_PERSON,
        outcome=OfferOutcome.ACCEPTED,
        child_chose_venue_and_time=True,
    )
    interview_id = offer.interview_id
    assert interviewer.sync().outcome is SyncOutcome.SENT

    early = coordinator.sync()
    assert early.pull.parked == 0
    assert coordinator.store.offers.get(offer.id).child_chose_venue_and_time is True
    assert coordinator.store.interviews.get(interview_id).state is InterviewState.OFFERED

    with interviewer.store.transaction(interviewer.profile.actor) as tx:
        tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS)
        current = tx.interviews.get(interview_id)
        tx.interviews.save_answers(
            interview_id, {"where_went": "Sample Park"}, expected_version=current.version
        )
    interviewer.sync()
    coordinator.sync()
    held = coordinator.store.interviews.get(interview_id)
    assert held.state is InterviewState.OFFERED and held.answers == {}  # the draft stays

    with interviewer.store.transaction(interviewer.profile.actor) as tx:
        for target in (InterviewState.COMPLETED, InterviewState.SUBMITTED):
            tx.interviews.transition(interview_id, target)
    assert interviewer.sync().outcome is SyncOutcome.SENT
    coordinator.sync()

    sent = coordinator.store.interviews.get(interview_id)
    assert sent.state is InterviewState.SUBMITTED and sent.answers["where_went"] == "Sample Park"
    assert coordinator.store.remote.parked() == []


def test_a_reason_pasted_with_control_characters_reaches_the_coordinator_without_them(
    central: LiveCentral, tmp_path: Path
) -> None:
    """The service refuses any record holding a NUL: kept, it could never be sent."""
    interviewer, coordinator, offer = _offered(
        central,
        tmp_path,
        method=OfferMethod.PHONE,
        outcome=OfferOutcome.DECLINED_BY_CHILD,
        reason="Copied from the\x00 referral\x0c form",
    )

    sent = interviewer.sync()
    assert sent.outcome is SyncOutcome.SENT, sent.summary()
    assert (sent.push.rejected, sent.push.unsendable) == (0, 0)
    coordinator.sync()
    assert coordinator.store.offers.get(offer.id).reason == "Copied from the referral form"


def test_when_two_coordinators_decide_one_interview_only_the_first_decision_stands(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    first = new_laptop(central, tmp_path / "first", Role.COORDINATOR, team=team)
    second = new_laptop(central, tmp_path / "second", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer, state=InterviewState.SUBMITTED)
    for laptop in (interviewer, first, second):
        laptop.sync()
    _decide(first, interview_id, ReviewDecision.APPROVED)
    _decide(second, interview_id, ReviewDecision.RETURNED)

    first.sync()
    second.sync()
    interviewer.sync()

    assert central.entity("interview", interview_id).payload["state"] == "approved"
    assert interviewer.store.interviews.get(interview_id).state is InterviewState.APPROVED
    reviews = interviewer.store.reviews.for_interview(interview_id)
    assert [r.decision for r in reviews] == [ReviewDecision.APPROVED]
    refused = {e.entity: e.reason for e in second.store.outbox.quarantined()}
    assert refused["review"] == "rejected: the interview is no longer waiting for this review"
    assert (refused["interview"] or "").startswith("conflict:")


def test_approved_interview_leaves_the_laptop_thirty_days_after_the_service_approved_it(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    interview_id, child_id = _approved_then_purged(central, interviewer, team, tmp_path)

    assert interviewer.store.interviews.find(interview_id) is None
    assert interviewer.store.children.find(child_id) is None
    assert central.entity("interview", interview_id).payload["state"] == "approved"


def test_a_laptop_that_cannot_reach_the_service_still_purges_on_time(
    central: LiveCentral, tmp_path: Path
) -> None:
    # Approved and received; then the laptop is offline for over a month, still trying
    # to sync. The purge needs no network: it runs by the service's clock as last known.
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer, state=InterviewState.SUBMITTED)
    interviewer.sync()
    coordinator.sync()
    _decide(coordinator, interview_id, ReviewDecision.APPROVED)
    coordinator.sync()
    interviewer.sync()
    assert interviewer.store.interviews.get(interview_id).state is InterviewState.APPROVED
    central.faults.inject("error_500", times=1000)
    month_on = datetime.now(UTC) + timedelta(days=30, minutes=5)

    offline = interviewer.sync(clock=lambda: month_on)

    assert offline.outcome is SyncOutcome.FAILED
    assert offline.purged is not None and offline.purged.interviews == [interview_id]
    assert interviewer.store.interviews.find(interview_id) is None


def test_a_child_purged_from_the_laptop_comes_back_with_their_next_assignment(
    central: LiveCentral, tmp_path: Path
) -> None:
    # The service still has the child on this interviewer's caseload; the laptop does not.
    team = f"Team {new_id()[:8]}"
    username = central.add_user(Role.INTERVIEWER, team)
    interviewer = new_laptop(central, tmp_path / "interviewer", username=username, team=team)
    _, child_id = _approved_then_purged(central, interviewer, team, tmp_path)
    child = central.entity("child", child_id).payload

    made = _assign(
        central,
        username,
        child["case_reference"],
        EpisodeType.MISSING,
        name=child["name"],
        born=date.fromisoformat(child["date_of_birth"]),
    )
    interviewer.sync()

    assert made.child_id == child_id
    assert interviewer.store.children.get(child_id).case_reference == child["case_reference"]
    assert interviewer.store.interviews.get(made.interview_id).state is InterviewState.ASSIGNED
    assert interviewer.store.remote.parked() == []


def test_work_recorded_before_enrolling_reaches_the_coordinator_as_the_users(
    central: LiveCentral, tmp_path: Path
) -> None:
    # "Continue offline" at first run: a case is recorded and submitted, then IT's code
    # arrives and the computer is enrolled.
    team = f"Team {new_id()[:8]}"
    paths = ProfilePaths(tmp_path / "interviewer")
    settings = Settings.load(paths)
    interviewer = Laptop(create_profile(paths, PASSPHRASE, settings, None), None, central)
    assert interviewer.profile.actor == LOCAL_ACTOR
    interview_id = record_completed_case(interviewer, state=InterviewState.SUBMITTED)
    username = central.add_user(Role.INTERVIEWER, team)
    enrolled = enrol_device(
        interviewer.profile,
        None,
        settings,
        server_url=central.url,
        code=central.code_for(username),
        ca_pem=central.ca_pem,
    )
    interviewer.sync()
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    coordinator.sync()

    user_id = enrolled.user_id
    assert interviewer.store.interviews.get(interview_id).interviewer_id == user_id
    assert central.entity("interview", interview_id).payload["interviewer_id"] == user_id
    received = coordinator.store.interviews.get(interview_id)
    assert (received.state, received.interviewer_id) == (InterviewState.SUBMITTED, user_id)
    assert interviewer.store.outbox.counts() == (0, 0)
    events = interviewer.store.audit.events()
    (event,) = [e for e in events if e.detail.get("event") == "enrolled"]
    assert event.detail["interviews_claimed"] == 1


def test_the_coordinator_counts_every_interview_due_declined_and_not_offered_included(
    central: LiveCentral, tmp_path: Path
) -> None:
    S = InterviewState
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    # Offered and then: interviewed and sent for review; declined; a decision not to offer.
    cases = (
        (OfferOutcome.ACCEPTED, (S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED)),
        (OfferOutcome.DECLINED_BY_CHILD, (S.DECLINED,)),
        (OfferOutcome.NOT_OFFERED, ()),
    )
    for n, (outcome, moves) in enumerate(cases):
        made = record_completed_case(interviewer, n, state=S.OFFERED, answers={})
        reason = None if outcome is OfferOutcome.ACCEPTED else "Recorded reason"
        offered_at = central.clock() - timedelta(hours=2)
        offer = Offer(new_id(), made, offered_at, OfferMethod.PHONE, "Sam", outcome, reason=reason)
        with interviewer.store.transaction(interviewer.profile.actor) as tx:
            tx.offers.add(offer)
            for state in moves:
                tx.interviews.transition(made, state)
    interviewer.sync()
    coordinator.sync()

    today = london_date(central.clock())
    week = Period(today - timedelta(days=7), today)
    keys = ("rhis_due", "rhis_offered", "rhis_declined_by_child", "rhis_not_offered")
    figures = {
        name: {key: kpi_table(laptop.store, week)[key].value for key in keys}
        for name, laptop in (("interviewer", interviewer), ("coordinator", coordinator))
    }
    assert (
        figures["coordinator"]
        == figures["interviewer"]
        == {
            "rhis_due": 3,
            "rhis_offered": 2,
            "rhis_declined_by_child": 1,
            "rhis_not_offered": 1,
        }
    )
    assert coordinator.store.remote.parked() == []  # every offer has its interview


def test_a_form_version_the_service_publishes_is_installed_at_the_next_sync(
    authority: Authority, tmp_path: Path
) -> None:
    # A service of its own: what it publishes, every device of every test would pull.
    with central_in(tmp_path / "central", authority) as central:
        laptop = new_laptop(central, tmp_path / "interviewer")
        definition = rhi_definition(2)
        publish = partial(admin.publish, central.engine, EntityKind.FORM_DEFINITION, "rhi-v2")
        publish(definition, central.clock)

        report = laptop.sync()

        assert report.forms.installed == ("rhi v2",)
        assert "installed form rhi v2" in report.summary()
        forms = FormRegistry.for_profile(laptop.paths.root)
        assert forms.versions("rhi") == [1, 2] and forms.latest("rhi").version == 2
        assert laptop.sync().forms.installed == ()  # already there: nothing more to do

        # Other content under the same version is refused at publication
        # (test_publishing_keeps_every_form_version), so nothing reaches the laptop.
        definition["title"] = "Changed without a new version number"
        with pytest.raises(admin.AdminError, match="needs a new version number"):
            publish(definition, central.clock)
        assert laptop.sync().forms == FormsTally()
        laptop.profile.close()


def test_each_episode_keeps_whether_the_child_was_in_care_when_it_began(
    central: LiveCentral, tmp_path: Path
) -> None:
    # Away from placement while in care; later missing from home after leaving care.
    team = f"Team {new_id()[:8]}"
    username = central.add_user(Role.INTERVIEWER, team)
    interviewer = new_laptop(central, tmp_path / "interviewer", username=username, team=team)
    reference = f"LEFT-{new_id()[:8]}"
    in_care = _assign(central, username, reference, EpisodeType.AWAY, days_ago=40)
    interviewer.sync()
    assert interviewer.store.children.get(in_care.child_id).looked_after is True
    from_home = _assign(central, username, reference, EpisodeType.MISSING, looked_after=False)
    interviewer.sync()

    store = interviewer.store
    assert store.children.get(in_care.child_id).looked_after is False  # as the child is now
    assert store.episodes.get(in_care.episode_id).looked_after is True
    assert store.episodes.get(from_home.episode_id).looked_after is False
    with pytest.raises(admin.AdminError, match="only to a child who is looked after"):
        _assign(central, username, reference, EpisodeType.AWAY, looked_after=False)


def test_two_interviewers_who_each_record_the_same_child_both_reach_the_coordinator(
    central: LiveCentral, tmp_path: Path
) -> None:
    # Each laptop makes its own child record for the one case reference, offline.
    team = f"Team {new_id()[:8]}"
    reference = f"SAME-{new_id()[:8]}"
    first = new_laptop(central, tmp_path / "first", team=team)
    second = new_laptop(central, tmp_path / "second", team=team)
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    sent = [
        record_completed_case(laptop, state=InterviewState.SUBMITTED, case_reference=reference)
        for laptop in (first, second)
    ]
    first.sync()
    second.sync()

    coordinator.sync()

    received = [coordinator.store.interviews.find(interview_id) for interview_id in sent]
    assert [i.state for i in received if i is not None] == [InterviewState.SUBMITTED] * 2
    assert coordinator.store.remote.parked() == []


def _offered(central: LiveCentral, tmp_path: Path, **offer: Any) -> tuple[Laptop, Laptop, Offer]:
    """An interviewer and a coordinator of one team, and an offer the interviewer
    recorded on a case of theirs (not yet sent)."""
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer, state=InterviewState.OFFERED, answers={})
    made = Offer(
        id=new_id(),
        interview_id=interview_id,
        offered_at=datetime.now(UTC),
        offered_by=interviewer.profile.actor,
        **offer,
    )
    with interviewer.store.transaction(interviewer.profile.actor) as tx:
        tx.offers.add(made)
    return interviewer, coordinator, made


def _assign(
    central: LiveCentral,
    username: str,
    case_reference: str,
    kind: EpisodeType,
    *,
    days_ago: int = 0,
    looked_after: bool | None = None,
    name: str = "Fictional Child",
    born: date = date(2010, 5, 17),
) -> admin.Assignment:
    """A found child's interview assigned at the service, as `rhi-central assign` does;
    the child returned two hours (and `days_ago` days) ago."""
    returned = central.clock() - timedelta(days=days_ago, hours=2)
    return admin.assign(
        central.engine,
        admin.AssignmentSpec(
            interviewer=username,
            child_ref=case_reference,
            child_name=name,
            date_of_birth=born,
            episode_type=kind,
            missing_since=returned - timedelta(hours=18),
            returned_at=returned,
            looked_after=looked_after,
        ),
        central.clock,
    )


def _approved_then_purged(
    central: LiveCentral, interviewer: Laptop, team: str, tmp_path: Path
) -> tuple[str, str]:
    """An interview the coordinator approved, purged from `interviewer` 30 days later:
    (interview id, child id)."""
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    interview_id = record_completed_case(interviewer, state=InterviewState.SUBMITTED)
    child_id = interviewer.store.interviews.get(interview_id).child_id
    interviewer.sync()
    coordinator.sync()
    _decide(coordinator, interview_id, ReviewDecision.APPROVED)
    coordinator.sync()
    kept = interviewer.sync()
    assert kept.purged is not None and kept.purged.interviews == []
    assert interviewer.store.interviews.get(interview_id).state is InterviewState.APPROVED

    central.clock.ahead = timedelta(days=30, minutes=1)  # the laptop's own clock stays put
    later = interviewer.sync()

    assert later.purged is not None and later.purged.interviews == [interview_id]
    assert later.purged.children == [child_id]
    assert "purged 1 approved interview and" in later.summary()
    return interview_id, child_id


def _decide(coordinator: Laptop, interview_id: str, decision: ReviewDecision) -> None:
    """The coordinator's decision on revision 1, as their review screen records it."""
    with coordinator.store.transaction(coordinator.profile.actor) as tx:
        tx.reviews.add(
            Review(
                id=new_id(),
                interview_id=interview_id,
                revision=1,
                reviewer_id=coordinator.profile.actor,
                decided_at=datetime.now(UTC),
                decision=decision,
            )
        )
