"""The app's one serial background worker: slow work off the GUI thread, results by signal.

Argon2id key derivation (~0.2 s), opening the database with its full integrity check,
and network calls run here, one at a time in submission order, so the window keeps
painting and two jobs never use the store at once. Results and errors come back to the
GUI thread through a queued signal and are handed to the callbacks given to `submit`.

An error crosses threads with its traceback cleared (throughout its cause/context
chain): a traceback keeps every frame of the failed call alive, and those frames can
hold the data key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


def detach_traceback(exc: BaseException) -> BaseException:
    """Drop the traceback of `exc` and of every exception chained to it."""
    seen: set[int] = set()
    current: BaseException | None = exc
    pending: list[BaseException] = []
    while current is not None or pending:
        if current is None:
            current = pending.pop()
        if id(current) in seen:
            current = None
            continue
        seen.add(id(current))
        current.__traceback__ = None
        if current.__context__ is not None:
            pending.append(current.__context__)
        current = current.__cause__
    return exc


Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the GUI thread runs the callbacks."""

    finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callbacks: dict[int, tuple[Done, Failed, Done | None]] = {}
        self._abandoned: dict[int, Done | None] = {}
        self._next = 0
        self.finished.connect(self._deliver)

    def register(self, on_done: Done, on_error: Failed, on_abandoned: Done | None) -> int:
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error, on_abandoned)
        return self._next

    @property
    def outstanding(self) -> int:
        return len(self._callbacks)

    @Slot(int, bool, object)
    def _deliver(self, ticket: int, ok: bool, payload: object) -> None:
        if ticket in self._abandoned:
            cleanup = self._abandoned.pop(ticket)
            if ok and cleanup is not None:
                cleanup(payload)  # e.g. close a profile nobody is waiting for any more
            return
        on_done, on_error, _ = self._callbacks.pop(ticket)
        if ok:
            on_done(payload)
        else:
            assert isinstance(payload, BaseException)
            on_error(payload)

    def abandon_all(self) -> None:
        for ticket, (_, _, cleanup) in self._callbacks.items():
            self._abandoned[ticket] = cleanup
        self._callbacks.clear()


class _Job(QRunnable):
    def __init__(self, relay: _Relay, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._relay = relay
        self._ticket = ticket
        self._work: Callable[[], Any] | None = work

    def run(self) -> None:
        work, self._work = self._work, None
        assert work is not None
        try:
            result = work()
        except BaseException as exc:  # every failure must reach the GUI thread
            log.info("background job failed (%s)", type(exc).__name__)
            self._relay.finished.emit(self._ticket, False, detach_traceback(exc))
            return
        self._relay.finished.emit(self._ticket, True, result)


class SerialWorker(QObject):
    """One background thread running submitted jobs in order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Done,
        on_error: Failed,
        *,
        on_abandoned: Done | None = None,
    ) -> None:
        """Run `work` in the background; `on_abandoned` disposes of a result that
        arrives after `shutdown` (nobody else will)."""
        ticket = self._relay.register(on_done, on_error, on_abandoned)
        self._pool.start(_Job(self._relay, ticket, work))

    @property
    def busy(self) -> bool:
        """A job is queued, running, or its result has not been delivered yet."""
        return self._relay.outstanding > 0

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Wait for running work, drop queued work; late results go to `on_abandoned`."""
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        self._relay.abandon_all()
        return bool(done)
