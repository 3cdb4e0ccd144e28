"""Every change travels with its outbox entry and audit event: all saved, or none."""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import Child, new_id
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import (
    ConflictingRecordError,
    DatabaseBusyError,
    DatabaseReplacedError,
    DiskError,
    StaleEditError,
    Store,
    TransactionError,
)
from rhi_desktop.store.connection import BUSY_TIMEOUT_MS


def a_child(case_reference: str = "CR-77") -> Child:
    return Child(
        id=new_id(),
        case_reference=case_reference,
        name="Peregrine Wigglesworth",
        date_of_birth=date(2009, 9, 9),
    )


class Interrupted(Exception):
    pass


def test_saving_a_child_writes_row_outbox_entry_and_audit_event_together(store: Store) -> None:
    head_before = store.audit.head()
    with store.transaction("interviewer-7") as tx:
        child = tx.children.add(a_child())
    assert store.children.get(child.id) == child and child.version == 1
    [entry] = store.outbox.for_entity("child", child.id)
    assert entry.base_version == 0 and entry.payload["name"] == "Peregrine Wigglesworth"
    event = store.audit.events(after_seq=head_before[0])[-1]
    assert (event.action, event.entity, event.entity_id, event.actor) == (
        AuditAction.CREATE,
        "child",
        child.id,
        "interviewer-7",
    )
    assert event.detail == {"change_id": entry.change_id}
    assert "Peregrine" not in str(event.detail)


def test_an_exception_inside_the_transaction_leaves_no_row_no_outbox_entry_no_audit_event(
    store: Store,
) -> None:
    head_before = store.audit.head()
    counts_before = store.outbox.counts()
    child = a_child()
    with pytest.raises(Interrupted), store.transaction("interviewer-7") as tx:
        tx.children.add(child)
        assert tx.children.get(child.id).name == child.name  # visible inside the transaction
        raise Interrupted
    assert store.children.find(child.id) is None
    assert store.outbox.counts() == counts_before
    assert store.outbox.for_entity("child", child.id) == []
    assert store.audit.head() == head_before


def test_a_failed_call_caught_inside_the_transaction_leaves_none_of_its_writes(
    store: Store,
) -> None:
    with store.transaction("interviewer-7") as tx:
        kept = tx.children.add(a_child("CR-1"))
    head = store.audit.head()
    with store.transaction("interviewer-7") as tx:
        duplicate_and_new = [a_child("CR-2"), replace(a_child("CR-3"), id=kept.id)]
        with pytest.raises(ConflictingRecordError):
            tx.children.add_many(duplicate_and_new)
    assert store.children.count() == 1 and store.children.get(kept.id) == kept
    assert store.audit.head() == head
    assert store.outbox.counts() == (1, 0)


def test_writes_outside_a_transaction_are_refused(store: Store) -> None:
    with pytest.raises(TransactionError):
        store.children.add(a_child())
    with store.transaction("interviewer-7") as tx:
        pass
    with pytest.raises(TransactionError):  # a finished transaction cannot write either
        tx.children.add(a_child())
    with pytest.raises(Exception, match="inside a store transaction"):
        tx.audit.append(AuditAction.EXPORT, "report")
    assert store.children.count() == 0


def test_transactions_do_not_nest(store: Store) -> None:
    with store.transaction("a") as tx, pytest.raises(TransactionError), store.transaction("b"):
        pass
    assert tx.actor == "a"


def test_an_edit_made_on_a_stale_copy_is_refused_and_the_newer_edit_kept(store: Store) -> None:
    with store.transaction("a") as tx:
        original = tx.children.add(a_child())
    with store.transaction("a") as tx:
        tx.children.update(replace(original, school="Elmfield"))
    with pytest.raises(StaleEditError), store.transaction("b") as tx:
        tx.children.update(replace(original, school="Oakfield"))
    saved = store.children.get(original.id)
    assert (saved.school, saved.version) == ("Elmfield", 2)
    queued = store.outbox.for_entity("child", original.id)  # the edit folded into the add
    assert [entry.payload["school"] for entry in queued] == ["Elmfield"]


def test_a_write_can_wait_less_for_another_connection_and_the_next_waits_in_full(
    store: Store,
) -> None:
    """A timed autosave gives up quickly while the sync writes (it is tried again), so
    typing never stalls for the whole busy timeout; a write after it still waits it out."""
    sync = store.second_handle()
    try:
        with (
            sync.transaction("sync"),
            pytest.raises(DatabaseBusyError),
            store.transaction("interviewer", wait_ms=0),
        ):
            raise AssertionError("the store was free while the sync wrote")
        assert store.settings().busy_timeout_ms == BUSY_TIMEOUT_MS
        with store.transaction("interviewer", wait_ms=0) as tx:  # free now
            tx.children.add(a_child())
    finally:
        sync.close()


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_nothing_is_written_once_the_file_open_is_no_longer_in_its_place(
    profile: ProfilePaths, dek: bytes, how: str
) -> None:
    """The connection kept writing to the file it had open, deleted or replaced (a
    restore, a sync tool): every save seemed to work, and went nowhere anyone could
    open again."""
    with Store.create(profile.db, dek) as earlier, earlier.transaction("interviewer") as tx:
        tx.children.add(a_child("CR-1"))
    earlier_copy = profile.root / "earlier.db"
    shutil.copyfile(profile.db, earlier_copy)
    store = Store.open(profile.db, dek)
    sync = store.second_handle()
    try:
        if how == "deleted":
            for path in (profile.db, profile.wal, profile.shm):
                path.unlink(missing_ok=True)
        else:
            os.replace(earlier_copy, profile.db)
        for handle in (store, sync):
            with (
                pytest.raises(DatabaseReplacedError) as refused,
                handle.transaction("interviewer") as tx,
            ):
                tx.children.add(a_child("CR-2"))
            assert "rhi.db" in str(refused.value)
    finally:
        sync.close()
        store.close()


def test_a_file_that_cannot_be_looked_at_for_a_moment_is_a_disk_error_to_try_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network drive's stale handle is no proof the file was replaced: the save is
    refused as a disk error, which autosave tries again, and goes through once the file
    can be looked at again."""
    real_stat = Path.stat
    stale = True

    def stat(path: Path, **kwargs: Any) -> os.stat_result:
        if stale and path == store.path:
            raise OSError(errno.ESTALE, "Stale file handle")
        return real_stat(path, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    with pytest.raises(DiskError), store.transaction("interviewer") as tx:
        tx.children.add(a_child("CR-3"))
    stale = False
    with store.transaction("interviewer") as tx:
        tx.children.add(a_child("CR-3"))
    assert store.children.by_case_reference("CR-3") is not None
