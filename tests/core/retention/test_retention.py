"""Least data on the device: an approved interview and its child leave the laptop after the
retention period, unless an open assignment or unsent work still needs them."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from rhi_desktop.audit import AuditAction, verify
from rhi_desktop.retention import SecureDeleteOff, purge_expired
from rhi_desktop.store import Store
from rhi_desktop.store.keys import derive_keys
from tests.core.retention.conftest import (
    ACTOR,
    Clock,
    add_child,
    add_interview,
    everything_sent,
)

DAYS_30 = timedelta(days=30)


def test_approved_interview_and_its_child_are_purged_after_thirty_days(
    store: Store, clock: Clock
) -> None:
    child = add_child(store)
    interview = add_interview(store, child, clock)
    episodes = [e.id for e in store.episodes.for_child(child.id)]
    everything_sent(store)
    assert store.settings().secure_delete  # freed pages are overwritten, not left behind

    clock.advance(DAYS_30 - timedelta(minutes=1))
    early = purge_expired(store, ACTOR, now=clock.now)
    assert early.interviews == [] and store.interviews.find(interview.id) is not None

    clock.advance(timedelta(minutes=2))
    report = purge_expired(store, ACTOR, now=clock.now)

    assert report.interviews == [interview.id] and report.children == [child.id]
    assert store.interviews.find(interview.id) is None
    assert store.children.find(child.id) is None
    assert store.reviews.for_interview(interview.id) == []
    assert store.episodes.for_child(child.id) == []
    assert store.outbox.counts() == (0, 0)  # the service keeps its copy: nothing to send
    purges = [e for e in store.audit.events() if e.action == AuditAction.WIPE]
    assert [(e.entity, e.entity_id) for e in purges] == [
        ("interview", interview.id),
        ("child", child.id),
    ]
    assert purges[0].detail == {"reason": "retention"}
    assert purges[1].detail == {"reason": "retention", "episodes": len(episodes)}
    assert verify(store).ok


def test_child_with_an_open_assignment_stays_while_the_approved_interview_goes(
    store: Store, clock: Clock
) -> None:
    child = add_child(store)
    approved = add_interview(store, child, clock)
    open_one = add_interview(store, child, clock, approve=False)
    everything_sent(store)
    clock.advance(DAYS_30 + timedelta(days=1))

    report = purge_expired(store, ACTOR, now=clock.now)

    assert report.interviews == [approved.id] and report.children == []
    assert store.interviews.find(approved.id) is None
    assert store.children.get(child.id).name == "Ottoline Fothergill"
    assert store.interviews.get(open_one.id).child_id == child.id
    assert len(store.episodes.for_child(child.id)) == 2


def test_nothing_with_unsent_changes_is_purged(store: Store, clock: Clock) -> None:
    child = add_child(store)
    interview = add_interview(store, child, clock)  # its changes are still queued
    clock.advance(DAYS_30 + timedelta(days=1))

    report = purge_expired(store, ACTOR, now=clock.now)

    assert report.interviews == [] and report.kept_for_unsent_work == 1
    assert store.interviews.find(interview.id) is not None
    assert store.children.find(child.id) is not None


def test_child_whose_own_record_has_unsent_changes_is_kept(store: Store, clock: Clock) -> None:
    child = add_child(store)
    interview = add_interview(store, child, clock)
    everything_sent(store)
    with store.transaction(ACTOR) as tx:
        tx.children.update(
            dataclasses.replace(store.children.get(child.id), school="Sample High School")
        )
    clock.advance(DAYS_30 + timedelta(days=1))

    report = purge_expired(store, ACTOR, now=clock.now)

    assert report.interviews == [interview.id] and report.children == []
    assert store.children.get(child.id).school == "Sample High School"


def test_policy_retention_days_shorten_or_lengthen_the_period(store: Store, clock: Clock) -> None:
    interview = add_interview(store, add_child(store), clock)
    everything_sent(store)
    clock.advance(timedelta(days=8))

    assert purge_expired(store, ACTOR, now=clock.now, retention_days=10).interviews == []
    assert purge_expired(store, ACTOR, now=clock.now, retention_days=7).interviews == [interview.id]


def test_a_store_that_would_leave_deleted_records_in_free_pages_is_refused(
    store: Store, clock: Clock
) -> None:
    interview = add_interview(store, add_child(store), clock)
    everything_sent(store)
    clock.advance(DAYS_30 * 2)
    store._db.execute("PRAGMA secure_delete = OFF")  # as a misconfigured build would be

    with pytest.raises(SecureDeleteOff, match="secure_delete is off"):
        purge_expired(store, ACTOR, now=clock.now)
    assert store.interviews.find(interview.id) is not None


def test_purged_name_is_overwritten_in_the_file_not_left_in_free_pages(
    tmp_path: Path, clock: Clock
) -> None:
    """The same store code on a plain SQLite file, whose bytes a test can read: after the
    purge the child's name is nowhere in the database file."""
    path = tmp_path / "plain.db"
    store = Store.from_connection(
        sqlite3.connect(path, isolation_level=None),
        derive_keys(os.urandom(32)).audit_key,
        clock=clock,
    )
    name = "Zephyrine Quackenbush-Wigglesworth"
    child = add_child(store, name)
    add_interview(store, child, clock)
    everything_sent(store)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert name.encode() in path.read_bytes()

    clock.advance(DAYS_30 + timedelta(days=1))
    assert purge_expired(store, ACTOR, now=clock.now).children == [child.id]
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()

    leftovers = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert name.encode() not in leftovers
