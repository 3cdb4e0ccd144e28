"""The encrypted store: open or create it, read through it, change it in transactions.

    store = Store.create(paths.db, dek)         # new file; raises if one exists
    store = Store.open(paths.db, dek)           # existing; migrates (with a backup) if needed
    with store.transaction(actor=user_id) as tx:
        tx.children.add(child)
        tx.interviews.transition(interview_id, InterviewState.OFFERED)
    store.interviews.list_by_state(InterviewState.ASSIGNED)
    store.close()

Reads go through the store's own repositories; writes only through a transaction's,
each of which writes the row, its outbox entry and its audit event together.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from rhi_desktop.audit import AuditChain
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.file_lock import exclusive_lock
from rhi_desktop.store.acknowledgements import Acknowledgements
from rhi_desktop.store.backup import remove_backups, take_backup
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.children import ChildRepository
from rhi_desktop.store.connection import (
    BUSY_TIMEOUT_MS,
    configure_plain,
    create_new,
    discard_new_file,
    open_existing,
)
from rhi_desktop.store.db import Clock, Connection, Database
from rhi_desktop.store.episodes import EpisodeRepository
from rhi_desktop.store.errors import (
    DatabaseReplacedError,
    DatabaseUnavailableError,
    DiskError,
    DiskFullError,
    MigrationBackupFailedError,
    MigrationFailedError,
    SchemaTooNewError,
    StoreError,
    TransactionError,
    translate,
    translated_errors,
)
from rhi_desktop.store.exports_under_way import ExportsUnderWay
from rhi_desktop.store.held_answers import HeldAnswers
from rhi_desktop.store.interviews import InterviewRepository
from rhi_desktop.store.keys import StoreKeys, derive_keys
from rhi_desktop.store.migrations import LATEST, migrate, schema_version
from rhi_desktop.store.offers import OfferRepository
from rhi_desktop.store.outbox import Outbox
from rhi_desktop.store.purge import RetentionRecords
from rhi_desktop.store.remote import RemoteChanges
from rhi_desktop.store.reviews import ReviewRepository
from rhi_desktop.store.supervision import QualityReviewRepository, SupervisionSessionRepository
from rhi_desktop.store.sync_state import SyncState
from rhi_desktop.store.team import TeamRoster

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """What the open connection is really doing (for diagnostics and tests)."""

    cipher_version: str | None
    journal_mode: str
    foreign_keys: bool
    secure_delete: bool
    page_size: int
    schema_version: int
    synchronous_full: bool = False
    """Each commit waits for the disk (and, on macOS, for the drive's cache: fullfsync)."""
    busy_timeout_ms: int = 0
    """How long a write waits for another connection's to finish."""


def upgrade_lock_path(db: Path) -> Path:
    """The lock an open of an older database holds from its version check to migration.

    It names the database it guards (`.rhi.db.upgrade.lock`) but never matches a backup's
    name, so removing or wiping backups never removes it.
    """
    return db.with_name(f".{db.name}.upgrade.lock")


@contextmanager
def _upgrade_lock(db: Path) -> Iterator[None]:
    """Wait for any other open of `db` that is upgrading it (another window, the CLI)."""
    with ExitStack() as stack:
        try:
            stack.enter_context(exclusive_lock(upgrade_lock_path(db)))
        except OSError as exc:
            mapped = translate(exc)
            raise (mapped if mapped is not None else DatabaseUnavailableError()) from exc
        yield


def _version_not_newer(db: Database) -> int:
    """The database's schema version; SchemaTooNewError if a newer app wrote it."""
    found = schema_version(db)
    if found > LATEST:
        raise SchemaTooNewError(found, LATEST)
    return found


def _take_backup(conn: Any, db: Path, found: int, keys: StoreKeys) -> Path:
    try:
        return take_backup(conn, db, found, keys)
    except Exception as exc:
        if isinstance(translate(exc), DiskFullError):
            raise DiskFullError() from exc
        log.error("pre-migration backup of v%d failed: %s", found, type(exc).__name__)
        raise MigrationBackupFailedError(found, LATEST) from exc


def _forget_backups(db: Path) -> None:
    """The open after a migration succeeded: the pre-migration copy has done its job."""
    try:
        remove_backups(db)
    except OSError as exc:  # a leftover copy is encrypted; not worth refusing to open
        log.warning("could not remove a pre-migration backup: %s", type(exc).__name__)


class _Repositories:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self.children = ChildRepository(db, changes)
        self.episodes = EpisodeRepository(db, changes)
        self.interviews = InterviewRepository(db, changes)
        self.offers = OfferRepository(db, changes)
        self.reviews = ReviewRepository(db, changes, self.interviews)
        self.supervision_sessions = SupervisionSessionRepository(db, changes)
        self.quality_reviews = QualityReviewRepository(db, changes)
        self.acknowledgements = Acknowledgements(db, changes)
        # For the sync engine and the retention rule: none of these queue outbox entries.
        self.remote = RemoteChanges(db, changes)
        self.outbox = Outbox(db, changes, self.remote)
        self.team = TeamRoster(db, changes)
        self.sync_state = SyncState(db, changes)
        self.retention = RetentionRecords(db, changes)
        self.held_answers = HeldAnswers(db, changes)  # on this device only: never queued
        self.exports_under_way = ExportsUnderWay(db, changes)  # this device's only, too


class Transaction(_Repositories):
    """The writable repositories of one open transaction, acting for `actor`."""

    def __init__(self, db: Database, audit_key: bytes, actor: str) -> None:
        self.actor = actor
        self.audit = AuditChain(db, audit_key, db.clock, actor)
        self._changes = ChangeRecorder(db, self.audit)
        super().__init__(db, self._changes)

    def _close(self) -> None:
        self._changes.close()


class Store(_Repositories):
    """One open database: read-only repositories, plus `transaction()` to change it.

    Used from one thread at a time (the app's serial DB worker); not thread-safe.
    """

    def __init__(
        self,
        db: Database,
        audit_key: bytes,
        *,
        path: Path | None = None,
        migrated_from: int | None = None,
        backup: Path | None = None,
        keys: StoreKeys | None = None,
    ) -> None:
        super().__init__(db, None)
        self._db = db
        self._audit_key = audit_key
        self._keys = keys  # for a second handle on the same file; None when not from a file
        self._open_tx: Transaction | None = None
        self.path = path
        self._identity = None if path is None else _identity(path)
        """The file opened, as the file system knows it: one put in its place since is
        another file."""
        self._read_only_audit = AuditChain(db, audit_key, db.clock)
        self.migrated_from = migrated_from  # schema version this open upgraded from
        self.backup = backup  # the pre-migration copy this open made

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, dek: bytes, *, clock: Clock = utc_now) -> Store:
        """Make a new database at `path`; refuses if any file is already there."""
        keys = derive_keys(dek)
        conn = create_new(path, keys)
        try:
            db = Database(conn, clock)
            with translated_errors():
                migrate(db, keys.audit_key)
        except BaseException:
            conn.close()
            discard_new_file(path)
            raise
        return cls(db, keys.audit_key, path=path, keys=keys)

    @classmethod
    def open(
        cls,
        path: Path,
        dek: bytes,
        *,
        key_verified: bool = False,
        full_check: bool = True,
        clock: Clock = utc_now,
    ) -> Store:
        """Open an existing database, upgrading its schema if it is older than this code.

        `key_verified`: the caller has proof the key is right (the vault's authenticated
        unwrap), so a file no page of which decrypts is reported damaged, not the key
        wrong. `full_check` authenticates every page and walks every b-tree first, so
        damage is found now rather than mid-interview; it costs a full read of the file.
        Nothing is written or deleted unless every check passes. Two opens of an older
        database at once (a window and the command line) upgrade it one after the
        other: the second finds it already upgraded and leaves the first one's backup.
        """
        keys = derive_keys(dek)
        conn = open_existing(path, keys, key_verified=key_verified, full_check=full_check)
        try:
            db = Database(conn, clock)
            if _version_not_newer(db) == LATEST:
                _forget_backups(path)
                return cls(db, keys.audit_key, path=path, keys=keys)
            with _upgrade_lock(path):
                found = _version_not_newer(db)
                if found == LATEST:  # upgraded by another open while this one waited
                    return cls(db, keys.audit_key, path=path, keys=keys)
                backup = _take_backup(conn, path, found, keys)
                try:
                    found = migrate(db, keys.audit_key)
                except Exception as exc:
                    if isinstance(translate(exc), DiskFullError):
                        raise DiskFullError() from exc
                    log.error("schema migration from v%d failed: %s", found, type(exc).__name__)
                    raise MigrationFailedError(found, LATEST, backup.name) from exc
            return cls(db, keys.audit_key, path=path, migrated_from=found, backup=backup, keys=keys)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def from_connection(
        cls, conn: Connection, audit_key: bytes, *, clock: Clock = utc_now
    ) -> Store:
        """The same store code over a connection the caller opened (benchmark baseline).

        Used with a plain SQLite connection to measure what encryption costs; it must be
        in autocommit mode (isolation_level=None). No file checks, no backup.
        """
        if getattr(conn, "isolation_level", None) is not None:
            raise ValueError("The connection must be opened with isolation_level=None.")
        configure_plain(conn)
        db = Database(conn, clock)
        _version_not_newer(db)
        migrate(db, audit_key)
        return cls(db, audit_key)

    def second_handle(self) -> Store:
        """Another connection to this open database, with the same keys, for work on
        another thread (the desktop app's background sync) while this one stays in use.

        The file is already checked and migrated, so this is quick. WAL lets either read
        while the other writes; the busy timeout makes two writers wait for each other
        instead of failing. Close it when done: it holds the key like this one.
        """
        if self._keys is None or self.path is None:
            raise StoreError("This store was not opened from a file; it has no second handle.")
        conn = open_existing(self.path, self._keys, key_verified=True, full_check=False)
        return Store(
            Database(conn, self._db.clock), self._keys.audit_key, path=self.path, keys=self._keys
        )

    # -- using ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self, actor: str, *, wait_ms: int | None = None) -> Iterator[Transaction]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK of everything if the block raises.

        While another connection (the sync's) is writing, beginning waits for it up to
        the busy timeout, or `wait_ms` if given (DatabaseBusyError after that): a write
        that will be tried again anyway need not hold up the person.
        """
        if not actor:
            raise ValueError("Every change is made by someone: give the actor's user id.")
        if self._open_tx is not None or self._db.in_transaction:
            raise TransactionError("A transaction is already open on this store.")
        self._check_still_in_place()
        self._begin(wait_ms)
        tx = Transaction(self._db, self._audit_key, actor)
        self._open_tx = tx
        try:
            yield tx
            self._db.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            mapped = translate(exc)
            if mapped is not None and mapped is not exc:
                raise mapped from exc
            raise
        finally:
            tx._close()
            self._open_tx = None

    def _check_still_in_place(self) -> None:
        """Refuse to write once the file opened is no longer at its path: the connection
        would go on writing to it, deleted or replaced, and every save would seem to
        work while going nowhere anyone could open."""
        if self.path is None:
            return
        try:
            found = _identity(self.path)
        except OSError as error:  # e.g. a network drive's stale handle: worth trying again
            raise DiskError() from error
        if found != self._identity:
            raise DatabaseReplacedError(self.path.name)

    def _begin(self, wait_ms: int | None) -> None:
        if wait_ms is None:
            self._db.execute("BEGIN IMMEDIATE")
            return
        self._db.execute(f"PRAGMA busy_timeout = {max(int(wait_ms), 0)}")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _rollback(self) -> None:
        if not self._db.in_transaction:
            return  # SQLite already rolled back (e.g. after a full disk)
        try:
            self._db.conn.execute("ROLLBACK")
        except Exception as exc:  # the original error matters more; keep the connection
            log.warning("rollback failed: %s", type(exc).__name__)

    @property
    def audit(self) -> AuditChain:
        """The audit chain: writable (as the transaction's actor) inside a transaction."""
        return self._read_only_audit if self._open_tx is None else self._open_tx.audit

    @property
    def schema_version(self) -> int:
        return schema_version(self._db)

    def settings(self) -> StoreSettings:
        def pragma(name: str) -> Any:
            return self._db.scalar(f"PRAGMA {name}")

        return StoreSettings(
            cipher_version=pragma("cipher_version"),
            journal_mode=str(pragma("journal_mode")),
            foreign_keys=bool(pragma("foreign_keys")),
            secure_delete=bool(pragma("secure_delete")),
            page_size=int(pragma("page_size")),
            schema_version=self.schema_version,
            synchronous_full=int(pragma("synchronous")) == 2  # FULL
            and bool(pragma("fullfsync"))
            and bool(pragma("checkpoint_fullfsync")),
            busy_timeout_ms=int(pragma("busy_timeout")),
        )

    def integrity_check(self) -> list[str]:
        """SQLite's full integrity check: ['ok'] when the file is sound."""
        return [str(row[0]) for row in self._db.fetchall("PRAGMA integrity_check")]

    def close(self) -> None:
        if self._open_tx is not None:
            raise TransactionError("Finish the open transaction before closing the store.")
        self._db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and file number of what is at `path` now (None: nothing is). Other
    failures to look (a network drive's stale handle) raise OSError."""
    try:
        found = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # its folder gone, or a file now
        return None
    return found.st_dev, found.st_ino
