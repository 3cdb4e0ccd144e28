"""An interviewer's two laptops both change the same answer; the one that syncs second has
its change parked as a conflict. Keeping their change sends it in place of the other,
over real TLS to the real service, and both laptops end up showing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhi_desktop import audit
from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.store import OtherChangeWaitingError, OutboxState
from sync.engine import SyncOutcome
from sync.protocol import Role
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral


def _answer(laptop: Laptop, interview_id: str, where: str) -> None:
    stored = laptop.store.interviews.get(interview_id)
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.interviews.save_answers(
            interview_id, {**stored.answers, "where_went": where}, expected_version=stored.version
        )


def _two_laptops_holding_a_draft(
    central: LiveCentral, tmp_path: Path
) -> tuple[Laptop, Laptop, str]:
    """One interviewer's two laptops, both holding the same interview in progress."""
    username = central.add_user(Role.INTERVIEWER)
    first = new_laptop(central, tmp_path / "first", username=username)
    interview_id = record_completed_case(first, state=InterviewState.IN_PROGRESS)
    assert first.sync().outcome is SyncOutcome.SENT
    second = new_laptop(central, tmp_path / "second", username=username)
    assert second.sync().outcome is SyncOutcome.SENT
    return first, second, interview_id


def _where(laptop: Laptop, interview_id: str) -> object:
    return laptop.store.interviews.get(interview_id).answers["where_went"]


def test_keeping_mine_after_a_conflict_sends_it_in_place_of_the_other_laptops_version(
    central: LiveCentral, tmp_path: Path
) -> None:
    first, second, interview_id = _two_laptops_holding_a_draft(central, tmp_path)
    _answer(first, interview_id, "A")
    _answer(second, interview_id, "B")

    assert first.sync().push.applied == 1
    clash = second.sync()
    assert clash.push.conflicts == 1, clash.summary()
    [parked] = second.store.outbox.quarantined()
    assert parked.payload["answers"]["where_went"] == "B"
    assert _where(second, interview_id) == "A"  # the pull put the service's copy here
    newer = central.entity("interview", interview_id).version
    assert second.store.outbox.newer_version_here(parked.change_id) == newer
    assert parked.base_version < newer
    editor_copy = second.store.interviews.get(interview_id)

    with second.store.transaction(second.profile.actor) as tx:
        assert tx.outbox.keep_mine(parked.change_id) == newer
    queued = second.store.outbox.get(parked.change_id)
    assert (queued.state, queued.base_version, queued.reason) == (
        OutboxState.PENDING,
        newer,
        None,
    )
    assert _where(second, interview_id) == "B"  # what they see is what will be sent
    restored = second.store.interviews.get(interview_id)
    assert restored.version > editor_copy.version  # an editor on the old copy is stale
    assert restored.episode_ids == editor_copy.episode_ids
    retried = [e for e in second.store.audit.events() if e.action == AuditAction.CHANGE_RETRIED]
    assert [(e.entity_id, e.detail) for e in retried] == [
        (interview_id, {"change_id": parked.change_id, "replaces_version": newer})
    ]

    sent = second.sync()
    assert sent.outcome is SyncOutcome.SENT and sent.push.applied == 1, sent.summary()
    assert sent.push.conflicts == 0
    assert second.store.outbox.counts() == (0, 0)
    on_service = central.entity("interview", interview_id)
    assert on_service.version == newer + 1
    assert on_service.payload["answers"]["where_went"] == "B"
    assert _where(second, interview_id) == "B"
    assert second.store.remote.server_version("interview", interview_id) == newer + 1

    assert first.sync().outcome is SyncOutcome.SENT
    assert _where(first, interview_id) == "B"
    assert first.store.remote.server_version("interview", interview_id) == newer + 1
    assert audit.verify(second.store).ok


def test_queued_saves_never_overwrite_a_version_another_laptop_made_meanwhile(
    central: LiveCentral, tmp_path: Path
) -> None:
    # Laptop A saves three times offline; laptop B saves once and syncs first. A's first
    # change is made on the version before B's; so are the two that follow it, though
    # they would be sent as made on the version after: the very number B's change took.
    first, second, interview_id = _two_laptops_holding_a_draft(central, tmp_path)
    for where in ("A1", "A2", "A3"):
        _answer(first, interview_id, where)
    _answer(second, interview_id, "B")
    assert second.sync().outcome is SyncOutcome.SENT

    report = first.sync()

    assert report.outcome is SyncOutcome.QUARANTINED and report.push.applied == 0
    assert central.entity("interview", interview_id).payload["answers"]["where_went"] == "B"
    assert second.sync().outcome is SyncOutcome.NOTHING_DUE
    assert _where(second, interview_id) == "B"


def test_keeping_mine_after_a_conflict_with_a_sign_off_sends_the_whole_line(
    central: LiveCentral, tmp_path: Path
) -> None:
    # The second laptop typed its account and signed off (completed, then the automatic
    # submission); the first laptop's edit reached the service first. Every step of the
    # second laptop's line is parked, each only sendable after the one before it.
    first, second, interview_id = _two_laptops_holding_a_draft(central, tmp_path)
    _answer(first, interview_id, "A")
    _answer(second, interview_id, "B")
    with second.store.transaction(second.profile.actor) as tx:
        tx.interviews.transition(interview_id, InterviewState.COMPLETED)
    assert first.sync().push.applied == 1
    second.sync()
    parked = second.store.outbox.quarantined()
    assert len(parked) >= 2 and {p.payload["answers"]["where_went"] for p in parked} == {"B"}
    head, *rest = parked

    store, actor = second.store, second.profile.actor
    for later in rest:  # a later step first: the first of the line is named
        with pytest.raises(OtherChangeWaitingError) as refused, store.transaction(actor) as tx:
            tx.outbox.keep_mine(later.change_id)
        assert refused.value.other_change_id == head.change_id
    with second.store.transaction(second.profile.actor) as tx:
        tx.outbox.keep_mine(head.change_id)

    assert second.store.outbox.counts() == (len(parked), 0)
    assert _where(second, interview_id) == "B"
    assert second.store.interviews.get(interview_id).state == rest[-1].payload["state"]
    sent = second.sync()
    assert sent.push.conflicts == 0 and second.store.outbox.counts() == (0, 0), sent.summary()
    on_service = central.entity("interview", interview_id)
    assert on_service.payload["answers"]["where_went"] == "B"
    assert on_service.payload["state"] == rest[-1].payload["state"]
