"""Encrypted copies taken before a schema migration.

The copy is made with SQLite's backup API into a file keyed like the original, so it is
as unreadable as the database itself. It is written under a `.partial` name of its own
and renamed when complete, so a `pre-migration-v<N>` file is always a whole database; the
partial name still matches `ProfilePaths.data_files()`, so a wipe removes a leftover too.
The copy is kept until the next successful open after the migration, in case the new
version misbehaves. Only the holder of the store's upgrade lock takes a copy, so one
open never removes another's copy half-way through.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

from rhi_desktop.store.connection import keyed_copy_target
from rhi_desktop.store.errors import translated_errors
from rhi_desktop.store.keys import StoreKeys

_SIDECARS = ("", "-wal", "-shm", "-journal")
_COMPLETE = re.compile(r"\.pre-migration-v\d+")


def backup_path(db: Path, version: int) -> Path:
    """`rhi.db.pre-migration-v<N>`, as `ProfilePaths.migration_backups()` lists them."""
    return db.with_name(f"{db.name}.pre-migration-v{int(version)}")


def existing_backups(db: Path) -> list[Path]:
    """Complete backups only (no partial copies, no WAL files)."""
    return sorted(
        path
        for path in db.parent.glob(f"{db.name}.pre-migration-v*")
        if _COMPLETE.fullmatch(path.name[len(db.name) :]) and path.is_file()
    )


def take_backup(conn: Any, db: Path, version: int, keys: StoreKeys) -> Path:
    """Copy the open database to `backup_path(db, version)`; return that path.

    The caller holds the upgrade lock, so any partial copy already here was left by an
    open that was interrupted, and is removed.
    """
    final = backup_path(db, version)
    for leftover in db.parent.glob(f"{db.name}.pre-migration-v*.partial*"):
        leftover.unlink(missing_ok=True)
    partial = final.with_name(f"{final.name}.partial")
    try:
        with translated_errors():
            target = keyed_copy_target(partial, keys, db)
            try:
                conn.backup(target)
            finally:
                target.close()
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, final)
    except BaseException:
        _remove_with_sidecars(partial)
        raise
    return final


def remove_backups(db: Path) -> None:
    """Remove every pre-migration copy, complete or partial, with its WAL files."""
    for path in db.parent.glob(f"{db.name}.pre-migration-v*"):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _remove_with_sidecars(path: Path) -> None:
    for suffix in _SIDECARS:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
