"""Where a profile's files live, and how a profile is wiped.

A profile is one directory holding the encrypted database and the wrapped key:

    rhi.db, rhi.db-wal, rhi.db-shm   SQLCipher 4 database and its WAL files
    rhi.db.pre-migration-v<N>        encrypted backup taken before a schema migration
    .rhi.db.upgrade.lock             held while the database's schema is upgraded (empty)
    vault.json                       the data key, wrapped (never in the clear)
    unlock-state.json                failed-unlock counter (survives restarts)
    unlock.lock                      held while an unlock attempt runs (always empty)
    settings.toml                    the user's own settings (below machine policy)
    vault.json.left-<stamp>, rhi.db.left-<stamp> (and its WAL files)
                                     what an unfinished set-up or wipe left, set aside

Writing vault.json or unlock-state.json goes through a temporary `.vault.json.*.tmp` (or
`.unlock-state.json.*.tmp`) beside it; one killed before its rename is a leftover, and a
leftover vault copy holds the wrapped key as fully as vault.json does.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from rhi_desktop.atomic_file import leftover_temporaries

log = logging.getLogger(__name__)

APP_NAME = "RHI Desktop"
APP_AUTHOR = "RHI Desktop"
_CHUNK = 1 << 20
_SET_ASIDE = ".left-"


def default_profile_dir() -> Path:
    # Local (not roaming) data: the encrypted database must not follow the user around.
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


@dataclass(frozen=True, slots=True)
class ProfilePaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / "rhi.db"

    @property
    def wal(self) -> Path:
        return self.root / "rhi.db-wal"

    @property
    def shm(self) -> Path:
        return self.root / "rhi.db-shm"

    @property
    def vault(self) -> Path:
        return self.root / "vault.json"

    @property
    def unlock_state(self) -> Path:
        return self.root / "unlock-state.json"

    @property
    def unlock_lock(self) -> Path:
        return self.root / "unlock.lock"

    @property
    def open_lock(self) -> Path:
        """Held by the app that has the profile open: one at a time (`hold_alone`)."""
        return self.root / "open.lock"

    @property
    def settings(self) -> Path:
        return self.root / "settings.toml"

    def migration_backups(self) -> list[Path]:
        return sorted(self.root.glob("rhi.db.pre-migration-v*"))

    def unfinished_vault_writes(self) -> list[Path]:
        return leftover_temporaries(self.vault)

    def unfinished_state_writes(self) -> list[Path]:
        return leftover_temporaries(self.unlock_state)

    def set_aside_key_files(self) -> list[Path]:
        """Key files set aside by `set_aside_unfinished`: each still opens its database."""
        return sorted(self.root.glob(f"{self.vault.name}{_SET_ASIDE}*"))

    def set_aside_databases(self) -> list[Path]:
        """Databases (and their WAL files) set aside by `set_aside_unfinished`."""
        return sorted(
            path
            for source in (self.db, self.wal, self.shm)
            for path in self.root.glob(f"{source.name}{_SET_ASIDE}*")
        )

    def exists(self) -> bool:
        return self.vault.exists() or self.db.exists()

    def is_complete(self) -> bool:
        """Both halves are here: the key file and the database it opens."""
        return self.vault.exists() and self.db.exists()

    def is_unfinished(self) -> bool:
        """A set-up or a wipe was cut short (a crash, a power cut): a key file without its
        database, or a database (or its journal) without a key file. Neither can be
        opened, and a new profile cannot be made over them as they are."""
        leftovers = (self.vault, self.db, self.wal, self.shm)
        return not self.is_complete() and any(path.exists() for path in leftovers)

    def data_files(self) -> list[Path]:
        """Everything that holds or unlocks case data, the keys first."""
        return [
            self.vault,
            *self.unfinished_vault_writes(),
            *self.set_aside_key_files(),
            self.db,
            self.wal,
            self.shm,
            *self.migration_backups(),
            *self.set_aside_databases(),
        ]


def clear_unfinished_writes(paths: ProfilePaths) -> None:
    """Remove temporary key and unlock-state files left by a write that never finished.

    Only safe while holding the profile's unlock lock, which every writer of those files
    holds: otherwise a write in progress would lose its temporary file.
    """
    for path in (*paths.unfinished_vault_writes(), *paths.unfinished_state_writes()):
        log.info("removing a temporary file left by an unfinished write")
        path.unlink(missing_ok=True)


def set_aside_unfinished(paths: ProfilePaths, stamp: str) -> list[Path]:
    """Rename what an unfinished set-up or wipe left (`is_unfinished`) so that a new
    profile can be made; returns the new names. Nothing is deleted: a key file whose
    database went missing still opens that database if it comes back."""
    moved: list[Path] = []
    for path in (paths.vault, paths.db, paths.wal, paths.shm):
        if path.exists():
            target = path.with_name(f"{path.name}{_SET_ASIDE}{stamp}")
            path.rename(target)
            moved.append(target)
    if moved:
        log.warning("set aside %d file(s) of an unfinished set-up or wipe", len(moved))
    return moved


def wipe(paths: ProfilePaths) -> None:
    """Destroy a profile's data: the wrapped keys first (crypto-erasure), then the files.

    Removing the vault (and any key file set aside) makes the databases unreadable even
    if a later step fails or the disk keeps old blocks; the data files are then
    overwritten and removed.
    """
    for path in paths.data_files():
        if not path.exists():
            continue
        try:
            remaining = path.stat().st_size
            with open(path, "r+b") as handle:
                while remaining > 0:
                    remaining -= handle.write(bytes(min(remaining, _CHUNK)))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            log.warning("could not overwrite %s before removal", path.name)
        path.unlink(missing_ok=True)
    for path in (paths.unlock_state, *paths.unfinished_state_writes()):
        path.unlink(missing_ok=True)
    log.info("profile wiped")
