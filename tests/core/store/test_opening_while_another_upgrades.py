"""Opening a profile while another window or the command line is upgrading its schema:
the opens take turns, the first one's backup survives, and a backup that cannot be
written is reported in words, with the database left as it was."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.file_lock import exclusive_lock
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import MigrationBackupFailedError, Store
from rhi_desktop.store.backup import take_backup
from rhi_desktop.store.connection import create_new, open_existing
from rhi_desktop.store.db import Database
from rhi_desktop.store.keys import derive_keys
from rhi_desktop.store.migrations import LATEST, migrate
from rhi_desktop.store.store import upgrade_lock_path

OLD = 3


def _older_database(path: Path, dek: bytes) -> None:
    keys = derive_keys(dek)
    conn = create_new(path, keys)
    migrate(Database(conn, utc_now), keys.audit_key, target=OLD)
    conn.close()


def _waiting_for_the_lock(thread: threading.Thread) -> bool:
    """Whether `thread` is inside the file lock's wait (where flock blocks)."""
    frame = sys._current_frames().get(thread.ident or -1)
    while frame is not None:
        if frame.f_code.co_name == "_lock" and frame.f_code.co_filename.endswith("file_lock.py"):
            return True
        frame = frame.f_back
    return False


def test_an_open_that_waited_for_anothers_upgrade_neither_redoes_it_nor_removes_its_backup(
    profile: ProfilePaths, dek: bytes
) -> None:
    _older_database(profile.db, dek)
    keys = derive_keys(dek)
    outcome: list[Store | BaseException] = []

    def second_window() -> None:
        try:
            outcome.append(Store.open(profile.db, dek))
        except BaseException as exc:
            outcome.append(exc)

    with exclusive_lock(upgrade_lock_path(profile.db)):  # the first window is upgrading
        waiter = threading.Thread(target=second_window)
        waiter.start()
        while waiter.is_alive() and not _waiting_for_the_lock(waiter):
            waiter.join(0.01)
        # The first window's upgrade, with its backup, while the second one waits.
        conn = open_existing(profile.db, keys, key_verified=True, full_check=False)
        first_backup = take_backup(conn, profile.db, OLD, keys)
        migrate(Database(conn, utc_now), keys.audit_key)
        conn.close()
    waiter.join()

    [second] = outcome
    assert isinstance(second, Store), second
    with second:
        assert second.migrated_from is None and second.backup is None
        assert second.schema_version == LATEST
        migrations = [e for e in second.audit.events() if e.action == "schema_migrate"]
        assert len(migrations) == 2  # v0 -> v3 when made, v3 -> latest once
    assert first_backup.is_file()


def test_partial_copies_left_by_an_interrupted_upgrade_are_cleared(
    profile: ProfilePaths, dek: bytes
) -> None:
    _older_database(profile.db, dek)
    leftovers = [
        profile.root / f"rhi.db.pre-migration-v{OLD}.partial",
        profile.root / f"rhi.db.pre-migration-v{OLD}.0f1e2d3c.partial",
        profile.root / f"rhi.db.pre-migration-v{OLD}.0f1e2d3c.partial-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\0" * 4096)

    with Store.open(profile.db, dek) as store:
        assert store.backup is not None
        assert [p.name for p in profile.root.glob("rhi.db.pre-migration-v*")] == [store.backup.name]


def test_a_backup_that_cannot_be_written_stops_the_upgrade_and_says_so(
    profile: ProfilePaths, dek: bytes
) -> None:
    _older_database(profile.db, dek)
    blocked = profile.root / f"rhi.db.pre-migration-v{OLD}"
    blocked.mkdir()  # something in the way of the finished copy

    with pytest.raises(MigrationBackupFailedError) as raised:
        Store.open(profile.db, dek)

    assert (raised.value.from_version, raised.value.to_version) == (OLD, LATEST)
    assert "database is unchanged" in str(raised.value)
    assert list(profile.root.glob("rhi.db.pre-migration-v*.partial*")) == []
    blocked.rmdir()
    with Store.open(profile.db, dek) as store:
        assert store.migrated_from == OLD
