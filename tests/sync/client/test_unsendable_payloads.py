"""A queued change the service could not take (nested too deep, or too long) is parked on
the laptop before anything is sent; the rest of the queue, and every pull, go on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rhi_desktop.domain.entities import InterviewState
from sync.engine import SyncOutcome
from sync.outgoing import UNSENDABLE
from sync.protocol import MAX_PAYLOAD_CHARS
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral


def _autosave(laptop: Laptop, interview_id: str, answers: dict[str, Any]) -> None:
    current = laptop.store.interviews.get(interview_id)
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.interviews.save_answers(interview_id, answers, expected_version=current.version)


def _nested(levels: int) -> Any:
    value: Any = "Sample Park"
    for _ in range(levels):
        value = {"place": value}
    return value


def test_an_answer_nested_too_deep_to_send_is_parked_and_the_rest_of_the_queue_goes(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    interview_id = record_completed_case(laptop, state=InterviewState.IN_PROGRESS)
    assert laptop.sync().outcome is SyncOutcome.SENT
    answers = laptop.store.interviews.get(interview_id).answers
    _autosave(laptop, interview_id, {**answers, "places": _nested(300)})
    later_case = record_completed_case(laptop, 1)

    report = laptop.sync()

    assert report.outcome is SyncOutcome.QUARANTINED and report.error is None
    assert (report.push.unsendable, report.push.conflicts) == (1, 0)
    parked = laptop.store.outbox.quarantined()
    assert [e.reason for e in parked] == [UNSENDABLE]
    assert parked[0].payload["answers"]["places"] == _nested(300)  # kept, not lost
    assert central.entity("interview", later_case).payload["state"] == "submitted"
    # The correction goes on top of the version the service has.
    _autosave(laptop, interview_id, {**answers, "places": "Sample Park"})
    assert laptop.sync().push.applied == 1
    held = central.entity("interview", interview_id)
    assert held.payload["answers"]["places"] == "Sample Park"
    assert laptop.store.outbox.counts() == (0, 1)


def test_an_answer_longer_than_the_service_takes_is_parked_without_being_sent(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    interview_id = record_completed_case(laptop, state=InterviewState.IN_PROGRESS)
    assert laptop.sync().outcome is SyncOutcome.SENT
    sent_before = central.changes_by_device(laptop.enrolment.device_id)
    answers = laptop.store.interviews.get(interview_id).answers
    _autosave(laptop, interview_id, {**answers, "notes": "a" * MAX_PAYLOAD_CHARS})

    report = laptop.sync()

    assert report.outcome is SyncOutcome.QUARANTINED and report.push.unsendable == 1
    assert [e.reason for e in laptop.store.outbox.quarantined()] == [UNSENDABLE]
    assert central.changes_by_device(laptop.enrolment.device_id) == sent_before
