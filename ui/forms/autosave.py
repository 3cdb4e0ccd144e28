"""Autosave: answers reach the encrypted store within two seconds of being typed.

The first change after a save starts a single-shot timer (one second); further typing
does not push it back, so a steady typist is saved every second and a crash or power
cut loses at most the last second or two. Section changes and closing the form save at
once. A write is one small transaction (a few milliseconds, measured by the
`forms.autosave_write` benchmark against a 10 ms budget), so by default it runs on the
GUI thread where it cannot race other use of the store; a caller with a serial DB
worker passes it as `runner` and writes go there instead, in order.

A timed write (after typing, or trying again) waits only briefly for a store another
connection is writing to (the sync's), and tries again a second later, quietly, so typing
never stalls for the store's busy timeout; only once the store has been busy that long is
the person told. Writes the person waits for (changing section, closing, locking) wait
the full busy timeout.

A write that fails for a passing reason (the store kept busy by the sync past its busy
timeout, a full disk) is tried again by itself after 2, 4, 8, 16 and then every 30
seconds while anything is unsaved, so answers reach the store once it can take them even
if nobody types again. A conflict (the record changed elsewhere, made read-only or
removed) stops saving for good instead: writing would overwrite someone else's work.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from rhi_desktop.autosave import DraftWriter, WriteResult
from rhi_desktop.store import (
    DatabaseBusyError,
    DatabaseCorruptedError,
    DatabaseReplacedError,
    DatabaseUnavailableError,
    DiskError,
    DiskFullError,
    NotFoundError,
    ReadOnlyRecordError,
    StaleEditError,
    StoreError,
)
from rhi_desktop.store.connection import BUSY_TIMEOUT_MS
from rhi_desktop.store.errors import sqlite_error_code
from ui.core_errors import core_error_text
from ui.profile_holder import ProfileLocked

log = logging.getLogger(__name__)

DEBOUNCE_MS = 1000
"""From the first unsaved change to its write; at most 1.5 s by design."""
WRITE_BUDGET_SECONDS = 0.010
"""Longer GUI-thread writes are logged: typing would start to stutter."""
TIMED_WAIT_MS = 100
"""How long a timed write waits for a store another connection is writing to."""
QUIET_RETRY_MS = 1000
"""The wait before a timed write that found the store busy is tried again, untold."""
RETRY_FIRST_MS = 2000
"""The wait before a failed write is first tried again; it doubles with each failure."""
RETRY_LONGEST_MS = 30_000
"""The longest wait between tries: a freed disk or store is used within half a minute."""
STOPPING_ERRORS = (StaleEditError, ReadOnlyRecordError, NotFoundError, DatabaseReplacedError)
"""Failures that stop saving for good: trying again would overwrite or recreate someone
else's work, or write to a file no longer in its place."""


def passing_cause_text(error: BaseException) -> str | None:
    """Why a write did not get through, for the causes autosave words its own way: the
    store's wording asks the person to try again, which autosave does by itself, or
    (for a damaged page) to restore a backup, which mid-interview would throw away
    what is on screen."""
    if isinstance(error, DatabaseBusyError):
        return QCoreApplication.translate(
            "AutoSaver",
            "The database was kept busy by other work for too long, for example a sync in "
            "progress.",
        )
    if isinstance(error, DiskFullError):
        return QCoreApplication.translate(
            "AutoSaver", "The disk is full: free some space. Nothing already saved was lost."
        )
    if isinstance(error, DiskError):
        return QCoreApplication.translate(
            "AutoSaver",
            "The disk could not be written to. Nothing already saved was lost; if this goes "
            "on, ask IT to check the disk.",
        )
    if isinstance(error, DatabaseUnavailableError):
        return QCoreApplication.translate(
            "AutoSaver",
            "The database file could not be written to: the profile folder may be read-only, "
            "or your account may not be allowed to use it. Nothing already saved was lost; "
            "ask IT for help if this goes on.",
        )
    if isinstance(error, DatabaseCorruptedError):
        return QCoreApplication.translate(
            "AutoSaver",
            "Part of the database on this computer could not be read, and may be damaged. "
            "Keep this form open and ask IT for help; do not restore a backup, which would "
            "lose this interview.",
        )
    return None


def retry_delay_ms(failures: int) -> int:
    """How long to wait after the `failures`-th failure in a row before trying again."""
    doublings = min(max(failures - 1, 0), 8)  # far past the cap already
    return min(RETRY_FIRST_MS << doublings, RETRY_LONGEST_MS)


class Runner(Protocol):
    """Runs a write and reports back on the GUI thread (ui.workers.SerialWorker fits)."""

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None: ...


class InlineRunner:
    """Writes at once on the calling thread."""

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        try:
            result = work()
        except Exception as error:  # handed to on_error, which tells the person
            on_error(error)
            return
        on_done(result)


class AutoSaver(QObject):
    """Debounces changes into writes through a `DraftWriter`.

    `held` gives what is held beside the answers (answers a change hid, for as long as
    the open form keeps them), written in the same transaction. `saved` carries the
    WriteResult of each write that changed the store; `failed` a message for the person.
    After a conflicting or read-only record, saving stops (it would overwrite someone
    else's change) until the form is reopened; any other failure is tried again by
    itself, with a growing wait, until a write gets through.
    """

    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        writer: DraftWriter,
        answers: Callable[[], Mapping[str, Any]],
        *,
        held: Callable[[], Mapping[str, Any] | None] | None = None,
        runner: Runner | None = None,
        delay_ms: int = DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.writer = writer
        self._answers = answers
        self._held = held
        self._runner = runner or InlineRunner()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._timed)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._timed)
        self._busy_since: float | None = None
        """When timed writes began to find the store busy, while they still do."""
        self._waited_briefly = False
        """The write under way waits only briefly for a busy store."""
        self._found_busy = False
        """A write the person waited for found the store busy all the busy timeout: until
        one gets through, writes wait only briefly (a second close, or closing anyway,
        does not freeze the window as long again)."""
        self._failures = 0
        """Failed writes since the last one that got through."""
        self._reference: str | None = None
        """The reference given for an unexpected failure, kept while retries fail too."""
        self._dirty = False
        self._in_flight = False
        self._flush_when_done = False
        self._stopped_by: str | None = None
        self.write_seconds: list[float] = []
        """Duration of every write so far (for the budget check and the benchmark)."""

    def read_from(
        self,
        answers: Callable[[], Mapping[str, Any]],
        held: Callable[[], Mapping[str, Any] | None] | None = None,
    ) -> None:
        """Take the answers (and what is held beside them) from here from now on (the
        form was moved to a new version)."""
        self._answers = answers
        self._held = held

    @property
    def pending(self) -> bool:
        """Changes not yet in the store."""
        return self._dirty or self._in_flight

    @property
    def delay_ms(self) -> int:
        """From the first unsaved change to its write."""
        return self._timer.interval()

    @property
    def waiting_for_store(self) -> bool:
        """Timed writes are finding the store busy (another connection is writing), and
        are tried again, untold as yet."""
        return self._busy_since is not None

    @property
    def stopped(self) -> bool:
        return self._stopped_by is not None

    @property
    def timer_active(self) -> bool:
        """A timed write is waiting: the debounce after typing, or a retry."""
        return self._timer.isActive() or self._retry.isActive()

    def note_change(self) -> None:
        self._dirty = True
        if not self._timer.isActive() and not self._in_flight and self._stopped_by is None:
            self._timer.start()

    def flush(self, *, brief: bool = False) -> None:
        """Write now if anything is unsaved (on close and lock), waiting the store's full
        busy timeout for it; `brief` (on section change) waits as a timed write does, and
        a busy store is tried again by itself."""
        self._write(TIMED_WAIT_MS if brief or self._found_busy else None)

    def _timed(self) -> None:
        """The write after typing, or trying again: waits only briefly for a busy store."""
        self._write(TIMED_WAIT_MS)

    def _write(self, wait_ms: int | None) -> None:
        self._timer.stop()
        self._retry.stop()
        if self._in_flight:
            self._flush_when_done = self._dirty
            return
        if not self._dirty or self._stopped_by is not None:
            return
        answers = dict(self._answers())
        held = None if self._held is None else self._held()
        self._dirty = False
        self._in_flight = True
        self._waited_briefly = wait_ms is not None
        write = partial(self.writer.write, answers, held, wait_ms=wait_ms)
        self._runner.submit(write, self._written, self._failed)

    def stop(self) -> None:
        """No further timed writes (the form is closing); `flush` still works."""
        self._timer.stop()
        self._retry.stop()

    def _written(self, result: WriteResult) -> None:
        self._in_flight = False
        recovered = self._failures > 0
        self._failures = 0
        self._reference = None
        self._busy_since = None
        self._found_busy = False
        if result.written:
            self.write_seconds.append(result.seconds)
            if result.seconds > WRITE_BUDGET_SECONDS:
                log.info("autosave write took %.1f ms", result.seconds * 1000)
        if result.written or recovered:  # told it failed: now told the store is up to date
            self.saved.emit(result)
        self._continue()

    def _failed(self, error: BaseException) -> None:
        self._in_flight = False
        self._dirty = True
        self._flush_when_done = False
        if isinstance(error, ProfileLocked):  # kept until unlocking shows the form again
            self._retry.stop()
            return
        worded = core_error_text(error) if isinstance(error, StoreError) else None
        if worded is not None and isinstance(error, STOPPING_ERRORS):
            self._stop_for_good(error, worded)
            return
        if isinstance(error, DatabaseBusyError) and not self._waited_briefly:
            self._found_busy = True
        if self._busy_a_while_yet(error):
            self._retry.start(QUIET_RETRY_MS)
            return
        self._failures += 1
        self._retry.start(retry_delay_ms(self._failures))
        self.failed.emit(self._will_retry_text(error, passing_cause_text(error) or worded))

    def _busy_a_while_yet(self, error: BaseException) -> bool:
        """Whether a timed write found the store busy, and it has not been busy for as
        long as a write the person waits for would wait: tried again, untold."""
        if not (isinstance(error, DatabaseBusyError) and self._waited_briefly):
            return False
        now = time.monotonic()
        if self._busy_since is None:
            self._busy_since = now
        return (now - self._busy_since) * 1000 < BUSY_TIMEOUT_MS

    def stop_for(self, error: StoreError) -> None:
        """Saving stops for good, for `error` (one of `STOPPING_ERRORS`) found other than
        by a write: the record was replaced or removed by a sync, say."""
        worded = core_error_text(error)
        if self._stopped_by is None and worded is not None:
            self._stop_for_good(error, worded)

    def _stop_for_good(self, error: BaseException, worded: str) -> None:
        self._stopped_by = type(error).__name__
        self._timer.stop()
        self._retry.stop()
        self.failed.emit(
            QCoreApplication.translate(
                "AutoSaver",
                "Saving has stopped: {0} Your latest answers on screen have not been saved, "
                "and this form can no longer be changed. Select and copy anything you need "
                "before you close it.",
            ).format(worded)
        )

    def _will_retry_text(self, error: BaseException, worded: str | None) -> str:
        """Why the answers are not saved yet, and that saving goes on by itself."""
        if worded is not None:
            if self._failures == 1:  # for IT: a disk that keeps failing mid-interview
                log.warning("autosave failed (%s), tried again by itself", _kind(error))
            return QCoreApplication.translate(
                "AutoSaver",
                "Your latest answers could not be saved yet: {0} They are still on screen, "
                "and saving will be tried again by itself until it works.",
            ).format(worded)
        reference = self._reference
        if reference is None:
            reference = self._reference = uuid.uuid4().hex[:8]
            log.error("autosave failed (%s), reference %s", type(error).__name__, reference)
        else:  # the same trouble, told once: the message on screen stays as it is
            log.warning("autosave retry failed (%s), reference %s", type(error).__name__, reference)
        return QCoreApplication.translate(
            "AutoSaver",
            "Your latest answers could not be saved yet (reference {0}). They are still on "
            "screen, and saving will be tried again by itself until it works.",
        ).format(reference)

    def _continue(self) -> None:
        if self._flush_when_done:
            self._flush_when_done = False
            self.flush()
        elif self._dirty and self._stopped_by is None:
            self._timer.start()


def _kind(error: BaseException) -> str:
    """The error's type, and what it came from with its SQLite code: no answer text."""
    cause = error.__cause__ or error.__context__
    if cause is None:
        return type(error).__name__
    code = sqlite_error_code(cause)
    found = type(cause).__name__ if code is None else f"{type(cause).__name__} {code}"
    return f"{type(error).__name__} from {found}"
