"""Linux: lock on systemd-logind's PrepareForSleep(true) and on the session's Lock signal.

Signals are matched on the system bus; nothing is called synchronously, so a slow or
absent logind cannot block the GUI. The session's object path is derived from
XDG_SESSION_ID the way logind escapes it ("2" -> "_32"). Tests hand in a connection to
a private bus they run themselves.
"""

from __future__ import annotations

import logging
import os
import string

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
MANAGER_INTERFACE = "org.freedesktop.login1.Manager"
SESSION_INTERFACE = "org.freedesktop.login1.Session"
_PLAIN = set(string.ascii_letters + string.digits)


def session_path(session_id: str) -> str:
    """logind's object path for a session id (sd-bus label escaping)."""
    if not session_id:
        return f"{MANAGER_PATH}/session/_"
    escaped = []
    for position, char in enumerate(session_id):
        if char in _PLAIN and not (position == 0 and char.isdigit()):
            escaped.append(char)
        else:
            escaped.extend(f"_{byte:02x}" for byte in char.encode("utf-8"))
    return f"{MANAGER_PATH}/session/{''.join(escaped)}"


class LogindWatcher(QObject):
    lock_requested = Signal(str)

    def __init__(
        self, bus: QDBusConnection, session_id: str | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._session_id = session_id
        self._connected: list[tuple[str, str, str, str]] = []

    @classmethod
    def on_system_bus(cls, parent: QObject | None = None) -> LogindWatcher:
        return cls(QDBusConnection.systemBus(), os.environ.get("XDG_SESSION_ID"), parent)

    def start(self) -> bool:
        """Subscribe to logind's signals; False (and a log line) when there is no bus."""
        if not self._bus.isConnected():
            log.info("no D-Bus system bus: sleep and session lock are not watched")
            return False
        self._subscribe(MANAGER_PATH, MANAGER_INTERFACE, "PrepareForSleep", "on_sleep(bool)")
        if self._session_id:
            path = session_path(self._session_id)
            self._subscribe(path, SESSION_INTERFACE, "Lock", "on_session_lock()")
        return bool(self._connected)

    def stop(self) -> None:
        for path, interface, name, slot in self._connected:
            # The stubs say bytes; the binding takes the str SLOT() returns.
            self._bus.disconnect(SERVICE, path, interface, name, self, SLOT(slot))  # type: ignore[call-overload]
        self._connected.clear()

    def _subscribe(self, path: str, interface: str, name: str, slot: str) -> None:
        if self._bus.connect(SERVICE, path, interface, name, self, SLOT(slot)):  # type: ignore[call-overload]
            self._connected.append((path, interface, name, slot))
        else:
            log.info("could not watch logind's %s signal", name)

    @Slot(bool)
    def on_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit("sleep")

    @Slot()
    def on_session_lock(self) -> None:
        self.lock_requested.emit("session-lock")
