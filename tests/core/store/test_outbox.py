"""The outbox feeds the sync engine in order; a refused change is parked, never a blocker."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import (
    Child,
    SupervisionQualityReview,
    SupervisionSession,
    new_id,
)
from rhi_desktop.store import NotFoundError, OutboxState, Store, TransactionError


def add_children(store: Store, count: int) -> list[Child]:
    with store.transaction("interviewer-1") as tx:
        return tx.children.add_many(
            [
                Child(
                    id=new_id(),
                    case_reference=f"OB-{n}",
                    name=f"Child {n}",
                    date_of_birth=date(2010, 1, 1),
                )
                for n in range(count)
            ]
        )


def test_pending_changes_come_out_oldest_first_in_batches(store: Store) -> None:
    children = add_children(store, 5)
    batch = store.outbox.pending(limit=3)
    assert [e.entity_id for e in batch] == [c.id for c in children[:3]]
    assert all(e.state is OutboxState.PENDING and e.attempts == 0 for e in batch)
    assert len({e.change_id for e in store.outbox.pending()}) == 5


def test_sent_changes_leave_the_queue(store: Store) -> None:
    add_children(store, 4)
    first_two = [e.change_id for e in store.outbox.pending(limit=2)]
    with store.transaction("sync") as tx:
        assert tx.outbox.mark_sent(first_two) == 2
        assert tx.outbox.mark_sent(first_two) == 0  # a repeated answer is harmless
    assert store.outbox.counts() == (2, 0)
    assert not set(first_two) & {e.change_id for e in store.outbox.pending()}


def test_a_quarantined_change_does_not_block_the_rest_and_can_be_retried(store: Store) -> None:
    add_children(store, 3)
    stuck = store.outbox.pending()[0]
    with store.transaction("sync") as tx:
        tx.outbox.note_attempts([stuck.change_id])
        tx.outbox.quarantine(stuck.change_id, "conflict: edited on the server since")
    assert store.outbox.counts() == (2, 1)
    assert stuck.change_id not in {e.change_id for e in store.outbox.pending()}
    parked = store.outbox.quarantined()
    assert [(e.change_id, e.reason, e.attempts) for e in parked] == [
        (stuck.change_id, "conflict: edited on the server since", 1)
    ]
    assert store.audit.events()[-1].action == AuditAction.CHANGE_QUARANTINED

    with store.transaction("interviewer-1") as tx:
        tx.outbox.retry(stuck.change_id)
    again = store.outbox.get(stuck.change_id)
    assert (again.state, again.reason) == (OutboxState.PENDING, None)
    assert store.outbox.pending()[0].change_id == stuck.change_id  # keeps its place
    assert store.outbox.counts() == (3, 0)


def test_discarding_a_change_is_audited(store: Store) -> None:
    add_children(store, 2)
    entry = store.outbox.pending()[0]
    with store.transaction("interviewer-1") as tx:
        tx.outbox.quarantine(entry.change_id, "rejected: invalid")
        tx.outbox.discard(entry.change_id)
    assert store.outbox.counts() == (1, 0)
    with pytest.raises(NotFoundError):
        store.outbox.get(entry.change_id)
    event = store.audit.events()[-1]
    assert (event.action, event.entity_id, event.actor) == (
        AuditAction.CHANGE_DISCARDED,
        entry.entity_id,
        "interviewer-1",
    )
    assert event.detail == {"change_id": entry.change_id, "state": "quarantined"}


def test_an_edit_carries_the_server_version_it_was_made_against(store: Store) -> None:
    [child] = add_children(store, 1)
    with store.transaction("sync") as tx:
        tx.outbox.mark_sent([e.change_id for e in tx.outbox.pending()])
        tx.children.acknowledge(child.id, 7)
    assert store.outbox.counts() == (0, 0)  # acknowledging queues nothing
    with store.transaction("interviewer-1") as tx:
        tx.children.update(replace(child, school="Elmfield"))
    [entry] = store.outbox.pending()
    assert entry.base_version == 7
    assert entry.payload["school"] == "Elmfield" and entry.payload["version"] == 2


def test_outbox_changes_need_a_transaction(store: Store) -> None:
    add_children(store, 1)
    entry = store.outbox.pending()[0]
    for attempt in (
        lambda: store.outbox.mark_sent([entry.change_id]),
        lambda: store.outbox.quarantine(entry.change_id, "x"),
        lambda: store.outbox.discard(entry.change_id),
    ):
        with pytest.raises(TransactionError):
            attempt()
    assert store.outbox.counts() == (1, 0)


def _parked_session(store: Store) -> SupervisionSession:
    session = SupervisionSession(new_id(), "coordinator-1", "interviewer-9", date(2026, 1, 5))
    with store.transaction("coordinator-1") as tx:
        tx.supervision_sessions.add(session)
        [entry] = tx.outbox.for_entity("supervision_session", session.id)
        tx.outbox.quarantine(
            entry.change_id, "rejected: it refers to a record the service cannot find"
        )
    return session


def test_discarding_a_refused_new_session_removes_it_from_this_computer(store: Store) -> None:
    session = _parked_session(store)
    [entry] = store.outbox.quarantined()

    with store.transaction("coordinator-1") as tx:
        tx.outbox.discard(entry.change_id)

    # Never recorded: no figure on this computer may count it as held.
    assert store.supervision_sessions.find(session.id) is None
    assert store.audit.events()[-1].detail == {
        "change_id": entry.change_id,
        "state": "quarantined",
        "record_removed": True,
    }


def test_a_refused_session_rated_here_stays_when_its_change_is_discarded(store: Store) -> None:
    session = _parked_session(store)
    [entry] = store.outbox.quarantined()
    rating = SupervisionQualityReview(new_id(), session.id, "manager-1", datetime.now(UTC), 3)
    with store.transaction("manager-1") as tx:
        tx.quality_reviews.add(rating)

    with store.transaction("coordinator-1") as tx:
        tx.outbox.discard(entry.change_id)

    assert store.supervision_sessions.find(session.id) is not None
    assert "record_removed" not in store.audit.events()[-1].detail
