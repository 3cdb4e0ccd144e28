"""Locking when the operating system locks the session or goes to sleep.

Each platform reports this differently, so each has its own small module; all of them
emit the same `lock_requested(reason)` signal and none of them may hang or crash the app
when the OS facility is missing (no D-Bus, no pyobjc): they log that and do nothing.

- Linux: systemd-logind over D-Bus (`logind.py`).
- Windows: session-change and power messages via a native event filter (`windows.py`).
- macOS: the workspace's sleep and screen-lock notifications (`macos.py`, pyobjc).
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)


class _Hook(Protocol):
    def stop(self) -> None: ...


class OsLockWatcher(QObject):
    """Starts whichever platform hook applies and forwards its lock requests."""

    lock_requested = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        bus: QDBusConnection | None = None,
        session_id: str | None = None,
    ) -> None:
        """`bus` and `session_id` default to the system bus and XDG_SESSION_ID (Linux)."""
        super().__init__(parent)
        self._bus = bus
        self._session_id = session_id
        self._hooks: list[_Hook] = []

    @property
    def active_hooks(self) -> list[str]:
        return [type(hook).__name__ for hook in self._hooks]

    def start(self, app: QCoreApplication) -> None:
        if sys.platform.startswith("linux"):
            from ui.os_lock.logind import LogindWatcher

            logind = (
                LogindWatcher.on_system_bus(self)
                if self._bus is None
                else LogindWatcher(self._bus, self._session_id, self)
            )
            if logind.start():
                logind.lock_requested.connect(self.lock_requested)
                self._hooks.append(logind)
        elif sys.platform == "win32":
            from ui.os_lock.windows import WindowsSessionFilter

            session_filter = WindowsSessionFilter(self.lock_requested.emit)
            if session_filter.start(app):
                self._hooks.append(session_filter)
        elif sys.platform == "darwin":
            from ui.os_lock.macos import MacSessionObserver

            observer = MacSessionObserver(self.lock_requested.emit)
            if observer.start():
                self._hooks.append(observer)
        if not self._hooks:
            log.info("the OS does not report session lock or sleep here; idle lock still applies")

    def watch_window(self, window: QWidget) -> None:
        """Windows sends session-change messages only to windows that ask for them."""
        if sys.platform == "win32":
            from ui.os_lock.windows import register_window

            register_window(int(window.winId()))

    def stop(self) -> None:
        for hook in self._hooks:
            hook.stop()
        self._hooks.clear()
