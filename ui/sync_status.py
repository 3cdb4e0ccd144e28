"""The seam between the sync engine and the status bar: what the bar asks, nothing more.

The status bar shows whether the central service is reachable, how many local changes
wait to be sent, when the last sync succeeded, and what the sync is doing or how the
last one ended. The pending count comes from the encrypted store's outbox; the rest comes
from a `ConnectionStatusSource`. The desktop app's source is `ui.sync_runner.SyncRunner`;
with no sync at all, `NeverSynced` answers "offline" and "never". Any object with
`current()` will do, e.g.::

    class EngineStatus:
        def current(self) -> ConnectionStatus:
            return ConnectionStatus(online=engine.reachable, last_success=engine.last_ok)

The bar polls `current()` every few seconds on the GUI thread, so it must return at once
(read cached fields; never do network I/O in it). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol


class SyncPhase(StrEnum):
    SYNCING = "syncing"  # started, nothing sent or received yet
    SENDING = "sending"
    RECEIVING = "receiving"
    DONE = "done"  # finished; the counts say what moved
    UNREACHABLE = "unreachable"  # the service did not answer
    SERVICE_FAULT = "service_fault"  # it answered with a fault of its own; tried again later
    FAILED = "failed"  # it answered, but the sync could not finish; `problem` says why


@dataclass(frozen=True, slots=True)
class SyncActivity:
    """What the sync is doing, or how the last one ended. Counts only, no personal data."""

    phase: SyncPhase
    sent: int = 0
    received: int = 0
    problem: str | None = None
    unrecognised: bool = False
    """The service does not know this computer (its token is not one it holds): only
    enrolling again, with a new code from IT, lets it sync."""
    asked: bool = False
    """The person asked for this sync (Sync now), rather than the schedule."""
    forms_refused: int = 0
    """Form versions the service published that could not be installed on this computer
    (one this app version cannot read, say): interviews go on starting on the old one."""

    @property
    def running(self) -> bool:
        return self.phase in (SyncPhase.SYNCING, SyncPhase.SENDING, SyncPhase.RECEIVING)


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    online: bool
    last_success: datetime | None  # aware UTC; None: never synced
    activity: SyncActivity | None = None  # None: no sync since the app was unlocked
    clock_offset: timedelta | None = None
    """The service's clock minus this computer's, seen at the last good sync."""


class ConnectionStatusSource(Protocol):
    def current(self) -> ConnectionStatus: ...


class NeverSynced:
    """No sync engine: always offline, never synced."""

    def current(self) -> ConnectionStatus:
        return ConnectionStatus(online=False, last_success=None)
