"""The seam between the sync engine and the status bar: what the bar asks, nothing more.

The status bar shows three things: whether the central service is reachable, how many
local changes wait to be sent, and when the last sync succeeded. The pending count comes
from the encrypted store's outbox; the other two come from a `ConnectionStatusSource`.
Until the sync engine exists, `NeverSynced` answers "offline" and "never". The sync
engine supplies its own source (any object with `current()`), e.g.::

    class EngineStatus:
        def current(self) -> ConnectionStatus:
            return ConnectionStatus(online=engine.reachable, last_success=engine.last_ok)

and passes it to `ui.window.run_gui(args, status_source=EngineStatus())`. The bar polls
`current()` every few seconds on the GUI thread, so it must return at once (read cached
fields; never do network I/O in it). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    online: bool
    last_success: datetime | None  # aware UTC; None: never synced


class ConnectionStatusSource(Protocol):
    def current(self) -> ConnectionStatus: ...


class NeverSynced:
    """No sync engine: always offline, never synced."""

    def current(self) -> ConnectionStatus:
        return ConnectionStatus(online=False, last_success=None)
