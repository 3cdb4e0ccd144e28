"""A misbehaving service costs time, never work: 5xx, slow answers and malformed bodies
are retried with back-off, and whatever the service applied before failing comes back
as `duplicate`, so every change is held exactly once. A request the service holds on to
can be cut from another thread (the app locking) without waiting for it."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from sync.engine import SyncOutcome, SyncReport
from sync.retry import Backoff
from sync.transport import Timeouts, Transport
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import HOLD_LIMIT_SECONDS, LiveCentral

CASES = 3
FIRST_PUSH = CASES * 6  # child, episode, interview and three moves to completed
CHANGES = FIRST_PUSH + CASES  # then each signed-off interview is submitted for review


def _laptop(central: LiveCentral, tmp_path: Path) -> tuple[Laptop, list[str]]:
    laptop = new_laptop(central, tmp_path / "laptop")
    interviews = [record_completed_case(laptop, n) for n in range(CASES)]
    return laptop, interviews


def _held_exactly_once(central: LiveCentral, laptop: Laptop, interviews: list[str]) -> None:
    assert laptop.store.outbox.counts() == (0, 0)
    assert central.changes_by_device(laptop.enrolment.device_id) == CHANGES
    for interview_id in interviews:
        rows = central.feed_rows("interview", interview_id)
        assert [r.version for r in rows] == [1, 2, 3, 4, 5]
        assert central.entity("interview", interview_id).payload["state"] == "submitted"


def test_500s_are_retried_with_growing_delays_and_the_work_arrives(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop, interviews = _laptop(central, tmp_path)
    central.faults.inject("error_500", times=2)

    report = laptop.sync(backoff=Backoff(attempts=4, base_seconds=2.0))

    assert report.outcome is SyncOutcome.SENT, report.summary()
    assert central.faults.seen == 2
    first, second = laptop.naps.taken
    assert 1.0 <= first <= 2.0 and 2.0 <= second <= 4.0
    _held_exactly_once(central, laptop, interviews)


def test_push_applied_before_a_500_is_answered_duplicate_on_retry(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop, interviews = _laptop(central, tmp_path)
    central.faults.inject("apply_then_500", times=1)

    report = laptop.sync()

    assert report.outcome is SyncOutcome.SENT, report.summary()
    # The first push was applied before its 500; the submissions went in a second push.
    assert (report.push.applied, report.push.duplicates) == (CASES, FIRST_PUSH)
    _held_exactly_once(central, laptop, interviews)


def test_answer_slower_than_the_timeout_is_retried_and_found_already_applied(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop, interviews = _laptop(central, tmp_path)
    central.faults.inject("apply_then_hold", times=1)

    report = laptop.sync(timeouts=Timeouts(connect_seconds=5.0, read_seconds=0.5))

    assert report.outcome is SyncOutcome.SENT, report.summary()
    assert report.push.duplicates == FIRST_PUSH and len(laptop.naps.taken) == 1
    _held_exactly_once(central, laptop, interviews)


def test_a_request_the_service_holds_is_cut_at_once_by_abort_and_nothing_is_lost(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop, interviews = _laptop(central, tmp_path)
    central.faults.inject("apply_then_hold", times=100)
    transports: list[Transport] = []
    reports: list[SyncReport] = []
    patient = Timeouts(connect_seconds=5.0, read_seconds=HOLD_LIMIT_SECONDS * 3)

    def sync() -> None:
        reports.append(laptop.sync(timeouts=patient, on_transport=transports.append))

    worker = threading.Thread(target=sync)
    worker.start()
    assert central.faults.hold_began.wait(HOLD_LIMIT_SECONDS * 2)
    transports[0].abort()
    worker.join(HOLD_LIMIT_SECONDS * 3)

    assert not worker.is_alive()
    assert central.faults.holding == 1  # it ended while the service still held the answer
    report = reports[0]
    assert report.outcome is SyncOutcome.FAILED and report.retry_later, report.summary()
    assert report.push.applied == 0  # the one request sent was cut; nothing after it

    central.faults.clear()
    assert laptop.sync().outcome is SyncOutcome.SENT
    _held_exactly_once(central, laptop, interviews)


@pytest.mark.parametrize("times", [1, 2])
def test_malformed_answers_are_server_faults_retried_not_crashes(
    central: LiveCentral, tmp_path: Path, times: int
) -> None:
    laptop, interviews = _laptop(central, tmp_path)
    central.faults.inject("malformed", times=times)

    report = laptop.sync()

    assert report.outcome is SyncOutcome.SENT, report.summary()
    assert len(laptop.naps.taken) == times
    _held_exactly_once(central, laptop, interviews)


def test_a_lasting_outage_fails_the_sync_keeps_the_work_and_the_next_sync_sends_it(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop, interviews = _laptop(central, tmp_path)
    pending = laptop.store.outbox.counts()[0]
    central.faults.inject("error_500", times=100)

    failed = laptop.sync(backoff=Backoff(attempts=3), rng=random.Random(1))

    assert failed.outcome is SyncOutcome.FAILED and failed.exit_code == 1
    assert failed.problem is not None and "will be sent later" in failed.problem
    assert laptop.store.outbox.counts() == (pending, 0)
    assert {e.attempts for e in laptop.store.outbox.pending(limit=100)} == {1}
    assert central.changes_by_device(laptop.enrolment.device_id) == 0
    assert laptop.store.sync_state.last_contact() is None
    # Not sent, so not submitted: still signed off and ready to send.
    assert {laptop.store.interviews.get(i).state.value for i in interviews} == {"completed"}

    central.faults.clear()
    recovered = laptop.sync()
    assert recovered.outcome is SyncOutcome.SENT, recovered.summary()
    _held_exactly_once(central, laptop, interviews)


def test_pull_failing_half_way_keeps_the_pages_it_committed_and_resumes_from_there(
    central: LiveCentral, tmp_path: Path
) -> None:
    writer, interviews = _laptop(central, tmp_path)
    assert writer.sync().outcome is SyncOutcome.SENT
    second = _second_laptop_of(central, writer, tmp_path / "second")
    # The audit head goes first (nothing to push), then page one arrives, then 500s.
    central.faults.inject("error_500", times=10, after=2)

    failed = second.sync(pull_limit=4, backoff=Backoff(attempts=2))

    assert failed.outcome is SyncOutcome.FAILED
    assert failed.pull.received == 4
    resume_at = second.store.sync_state.cursor()
    assert resume_at > 0
    central.faults.clear()
    done = second.sync(pull_limit=4)
    assert done.outcome is SyncOutcome.SENT, done.summary()
    assert second.store.sync_state.cursor() > resume_at
    assert done.pull.received == CHANGES - 4  # nothing pulled twice
    for interview_id in interviews:
        assert second.store.interviews.get(interview_id).state.value == "submitted"


def _second_laptop_of(central: LiveCentral, laptop: Laptop, root: Path) -> Laptop:
    from sqlalchemy import select

    from sync.server import schema

    u = schema.users
    with central.engine.connect() as conn:
        username = conn.execute(
            select(u.c.username).where(u.c.id == laptop.enrolment.user_id)
        ).scalar_one()
    return new_laptop(central, root, username=username)
