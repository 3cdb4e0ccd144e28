"""Errors the store raises, each with a message a person can read and act on.

Messages never carry personal data (names, dates of birth, answers) or file contents;
at most a record id, a schema version or a file name. Every type derives from
`StoreError`. `str(error)` is the English wording for the command line and for IT; the
app words each error itself, in the person's language, from the type and the attributes
kept on it.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_CONSTRAINT = 19
SQLITE_NOTADB = 26

_NOTHING_CHANGED = "The file was left exactly as it was."


class StoreError(Exception):
    """Base of every store error; `str(error)` is fit to show a person."""


class DatabaseMissingError(StoreError):
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        super().__init__(
            f"No database file ({file_name}) was found for this profile. Nothing was "
            "created: restore the profile folder from a backup, or set the device up again."
        )


class DatabaseEmptyError(StoreError):
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        super().__init__(
            f"The database file ({file_name}) is empty (0 bytes), so there is nothing to "
            f"open. {_NOTHING_CHANGED} Restore it from a backup or ask IT for help."
        )


class DatabaseExistsError(StoreError):
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        super().__init__(
            f"A database file ({file_name}) already exists here, so a new one was not "
            "created. Open the existing profile instead."
        )


class WrongKeyError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The database could not be unlocked with this key. Either the key is wrong or "
            f"the start of the file is damaged. {_NOTHING_CHANGED}"
        )


class DatabaseTruncatedError(StoreError):
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        super().__init__(
            f"The database file ({file_name}) is incomplete: part of it is missing, for "
            f"example after an interrupted copy. {_NOTHING_CHANGED} Restore it from a backup "
            "or ask IT for help."
        )


class DatabaseCorruptedError(StoreError):
    def __init__(
        self, file_name: str, what: str = "its contents failed the integrity check"
    ) -> None:
        self.file_name = file_name
        self.what = what
        """What was found wrong, in English: a detail for IT."""
        super().__init__(
            f"The database file ({file_name}) is damaged: {what}. {_NOTHING_CHANGED} "
            "Restore it from a backup or ask IT for help."
        )


class DiskFullError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The disk is full; free some space and try again; nothing already saved was lost."
        )


class DatabaseBusyError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The database is in use by another RHI Desktop window or program. Close it and "
            "try again."
        )


class DiskError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The database could not be read or written because of a disk or file-system "
            "error. Nothing already saved was lost; check the disk and try again."
        )


class DatabaseUnavailableError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The database file could not be opened for reading and writing. Check that the "
            "profile folder is not read-only and that your account may use it, then try again."
        )


class DatabaseReplacedError(StoreError):
    """The file open was deleted, moved or replaced by another (a restore, a sync tool)
    while it was open: a write would go to a file that is no longer there."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        super().__init__(
            f"The database file ({file_name}) was deleted, moved or replaced while RHI "
            "Desktop had it open, so nothing more is saved to it. Ask IT for help before "
            "closing the app."
        )


class WriteAheadLogUnavailableError(StoreError):
    """The file system cannot hold SQLite's write-ahead log (some network drives)."""

    def __init__(self) -> None:
        super().__init__(
            "The database could not switch to write-ahead logging, which keeps saved work "
            "safe. This happens on some network drives: keep the profile on this computer's "
            "own disk, or ask IT."
        )


class EncryptionUnavailableError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "This installation cannot encrypt its database (SQLCipher is missing), so it "
            "refuses to open one. Reinstall RHI Desktop."
        )


class SchemaTooNewError(StoreError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"This database was written by a newer version of RHI Desktop (schema version "
            f"{found}; this version understands up to {known}). Install the newer version. "
            f"{_NOTHING_CHANGED}"
        )
        self.found = found
        self.known = known


class MigrationFailedError(StoreError):
    def __init__(self, from_version: int, to_version: int, backup_name: str) -> None:
        self.backup_name = backup_name
        super().__init__(
            f"Updating the database from schema version {from_version} to {to_version} "
            f"failed, so the update was undone and the database is unchanged. A backup copy "
            f"is kept as {backup_name}. Ask IT for help."
        )
        self.from_version = from_version
        self.to_version = to_version


class MigrationBackupFailedError(StoreError):
    """The copy taken before a schema migration could not be written; nothing migrated."""

    def __init__(self, from_version: int, to_version: int) -> None:
        self.from_version = from_version
        self.to_version = to_version
        super().__init__(
            f"The database needs updating from schema version {from_version} to "
            f"{to_version}, and a backup copy is made first. That copy could not be "
            "written, so the update was not started and the database is unchanged. Check "
            "that the disk has free space and that the profile folder can be written to, "
            "then try again; if it keeps failing, ask IT."
        )


class NotFoundError(StoreError):
    def __init__(self, entity: str, entity_id: str) -> None:
        super().__init__(f"No {entity} record with id {entity_id} is on this device.")
        self.entity = entity
        self.entity_id = entity_id


class StaleEditError(StoreError):
    def __init__(self, entity: str, entity_id: str) -> None:
        self.entity = entity
        self.entity_id = entity_id
        super().__init__(
            f"This {entity} record ({entity_id}) was changed elsewhere since it was opened. "
            "Reopen it to see the latest version, then make your change again."
        )


class ReadOnlyRecordError(StoreError):
    def __init__(self, entity: str, entity_id: str, why: str) -> None:
        self.entity = entity
        self.entity_id = entity_id
        super().__init__(f"This {entity} record ({entity_id}) cannot be edited: {why}.")


class ConflictingRecordError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "This change conflicts with a record already saved (a duplicate, or a link to a "
            "record that does not exist), so it was not saved."
        )


class NewerVersionNotHereError(StoreError):
    """A parked change cannot be sent in place of the service's newer version of its
    record: that version has not been received (or applied) on this device yet."""

    def __init__(self, entity: str, entity_id: str) -> None:
        self.entity = entity
        self.entity_id = entity_id
        super().__init__(
            f"This device has not yet received the central service's newer version of this "
            f"{entity} record ({entity_id}), so this change cannot replace it yet. Sync "
            "first, then send the change again."
        )


class OtherChangeWaitingError(StoreError):
    """A parked change cannot be resolved while another change of the same record is
    still queued (`parked` False) or parked too (`parked` True): that one comes first."""

    def __init__(
        self, entity: str, entity_id: str, other_change_id: str, *, parked: bool, made_at: datetime
    ) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.other_change_id = other_change_id
        self.parked = parked
        self.made_at = made_at
        made = made_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        first = (
            "is also waiting for attention: send it again or discard it first"
            if parked
            else "is still waiting to be sent: sync first so that it is sent"
        )
        super().__init__(
            f"Another change to this {entity} record ({entity_id}), made {made}, {first}; "
            "then deal with this one."
        )


class OvertakenChangeError(StoreError):
    """A parked change to an interview cannot replace the service's newer version: that
    version has moved on in the lifecycle (signed off and sent, or decided) beyond where
    this change could take it."""

    def __init__(self, entity: str, entity_id: str, held_state: str) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.held_state = held_state
        super().__init__(
            f"The central service's version of this {entity} record ({entity_id}) is now "
            f"{held_state}, so this earlier change cannot replace it. Discard the change."
        )


class TransactionError(StoreError):
    """A programming error in how transactions are used; still safe to show."""


def sqlite_error_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an exception from sqlcipher3 or sqlite3."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate(exc: BaseException) -> StoreError | None:
    """Map a database or OS failure to the StoreError a person should see, if any."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError()
    code = sqlite_error_code(exc)
    if code == SQLITE_FULL:
        return DiskFullError()
    if code == SQLITE_CONSTRAINT:
        return ConflictingRecordError()
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusyError()
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseCorruptedError("database", "a part of it could not be read")
    if code == SQLITE_IOERR:
        return DiskError()
    if code in (SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY):
        return DatabaseUnavailableError()
    return None


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise database and disk failures as StoreErrors; leave other errors alone."""
    try:
        yield
    except Exception as exc:
        mapped = translate(exc)
        if mapped is None or mapped is exc:
            raise
        raise mapped from exc
