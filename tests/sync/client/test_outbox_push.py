"""Pushing the outbox against the live service: many edits of one record go in order,
edits made mid-sync go on top, and a refused change is parked without holding up the
rest of the queue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rhi_desktop.domain.entities import Child, InterviewState
from rhi_desktop.store import OutboxState
from sync.engine import SyncOutcome
from sync.outgoing import REJECTION_REASONS, UNSENDABLE
from sync.protocol import RejectReason
from sync.retry import Backoff
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral


def _username_of(central: LiveCentral, laptop: Laptop) -> str:
    from sqlalchemy import select

    from sync.server import schema

    with central.engine.connect() as conn:
        return str(
            conn.execute(
                select(schema.users.c.username).where(schema.users.c.id == laptop.enrolment.user_id)
            ).scalar_one()
        )


def _autosave(laptop: Laptop, interview_id: str, **answers: object) -> None:
    current = laptop.store.interviews.get(interview_id)
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.interviews.save_answers(
            interview_id, {**current.answers, **answers}, expected_version=current.version
        )


def test_twenty_autosaves_between_syncs_reach_the_service_as_one_change(
    central: LiveCentral, tmp_path: Path
) -> None:
    # A payload is the whole record: the last save says all the others did.
    laptop = new_laptop(central, tmp_path / "laptop")
    interview_id = record_completed_case(laptop, state=InterviewState.IN_PROGRESS)
    assert laptop.sync().outcome is SyncOutcome.SENT
    for n in range(20):
        _autosave(laptop, interview_id, note=f"draft {n}")
    assert len(laptop.store.outbox.for_entity("interview", interview_id)) == 1

    report = laptop.sync()

    assert report.outcome is SyncOutcome.SENT and report.push.applied == 1
    assert report.push.conflicts == 0
    assert [r.version for r in central.feed_rows("interview", interview_id)] == list(range(1, 5))
    assert central.entity("interview", interview_id).payload["answers"]["note"] == "draft 19"


def test_each_step_of_the_lifecycle_goes_as_a_change_of_its_own(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    interview_id = record_completed_case(laptop, state=InterviewState.OFFERED)
    assert laptop.sync().outcome is SyncOutcome.SENT
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS)
    _autosave(laptop, interview_id, note="first words")
    _autosave(laptop, interview_id, note="more words")
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.interviews.transition(interview_id, InterviewState.COMPLETED)

    queued = laptop.store.outbox.for_entity("interview", interview_id)
    assert [(e.payload["state"], e.payload["answers"].get("note")) for e in queued] == [
        ("in_progress", "more words"),
        ("completed", "more words"),
    ]
    assert laptop.sync().outcome is SyncOutcome.SENT
    assert central.entity("interview", interview_id).payload["state"] == "submitted"


def test_edit_saved_while_a_push_is_in_flight_goes_on_top_of_it(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    interview_id = record_completed_case(laptop, state=InterviewState.IN_PROGRESS)
    assert laptop.sync().outcome is SyncOutcome.SENT
    _autosave(laptop, interview_id, note="before the sync")
    typed_during_sync: list[str] = []

    def typing_meanwhile(step: str) -> None:
        if step == "push.after_send" and not typed_during_sync:
            _autosave(laptop, interview_id, note="typed while the push was on the wire")
            typed_during_sync.append(step)

    first = laptop.sync(observer=typing_meanwhile)
    second = laptop.sync()

    assert first.push.applied == 1 and second.push.applied == 1
    assert second.push.conflicts == 0 and laptop.store.outbox.counts() == (0, 0)
    assert central.entity("interview", interview_id).payload["answers"]["note"] == (
        "typed while the push was on the wire"
    )


def test_the_same_interview_edited_on_two_laptops_parks_the_later_edit_and_converges(
    central: LiveCentral, tmp_path: Path
) -> None:
    first = new_laptop(central, tmp_path / "first")
    interview_id = record_completed_case(first, state=InterviewState.IN_PROGRESS)
    assert first.sync().outcome is SyncOutcome.SENT
    second = new_laptop(central, tmp_path / "second", username=_username_of(central, first))
    assert second.sync().outcome is SyncOutcome.SENT
    _autosave(first, interview_id, where_went="Thistlewick Lido")
    _autosave(second, interview_id, where_went="Gorsebrook Depot")

    assert first.sync().outcome is SyncOutcome.SENT
    report = second.sync()

    assert report.outcome is SyncOutcome.QUARANTINED and report.exit_code == 3
    assert report.push.conflicts == 1
    parked = second.store.outbox.quarantined()
    assert len(parked) == 1 and parked[0].reason is not None
    assert parked[0].reason.startswith("conflict: the service has a newer version (4)")
    assert parked[0].payload["answers"]["where_went"] == "Gorsebrook Depot"  # not lost
    # The laptop now shows what the service holds.
    assert second.store.interviews.get(interview_id).answers["where_went"] == "Thistlewick Lido"
    assert second.store.remote.server_version("interview", interview_id) == 4


def test_refused_change_is_parked_with_its_reason_and_the_rest_of_the_queue_goes_on(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    first = record_completed_case(laptop, state=InterviewState.IN_PROGRESS)
    assert laptop.sync().outcome is SyncOutcome.SENT
    # A whole number beyond what a JSON double holds exactly, which the service refuses
    # (no form lets one be typed; a record from an earlier release might hold one).
    _autosave(laptop, first, nights_away=2**60)
    # Sent once, with no answer: the correction made after it is a change of its own.
    central.faults.inject("error_500", times=100)
    assert laptop.sync(backoff=Backoff(attempts=1)).outcome is SyncOutcome.FAILED
    central.faults.clear()
    _autosave(laptop, first, nights_away=3)
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.children.add(Child(id="not a valid id", case_reference="Q-X", name="Kai Sample",
                              date_of_birth=date(2011, 3, 3)))  # fmt: skip
    interview_id = record_completed_case(laptop, 1)

    report = laptop.sync()

    assert report.outcome is SyncOutcome.QUARANTINED, report.summary()
    assert (report.push.rejected, report.push.unsendable, report.push.deferred) == (1, 1, 1)
    reasons = sorted(e.reason or "" for e in laptop.store.outbox.quarantined())
    assert reasons == sorted([UNSENDABLE, REJECTION_REASONS[RejectReason.INVALID_PAYLOAD]])
    assert laptop.store.outbox.counts() == (0, 2)
    assert all(e.state is OutboxState.QUARANTINED for e in laptop.store.outbox.quarantined())
    # The correction after the refused edit went through on top of the accepted version.
    held = central.entity("interview", first)
    assert held.payload["answers"]["nights_away"] == 3
    assert held.version == laptop.store.remote.server_version("interview", first)
    assert central.entity("interview", interview_id).payload["state"] == "submitted"
