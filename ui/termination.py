"""Ending the app when the system asks it to, as quitting ends it: what was typed saved.

At logout or shutdown a Linux desktop sends SIGTERM (or SIGHUP, as a closing terminal
does) and waits a while before killing. Python's default for SIGTERM ends the process at
once, skipping the save every open interview makes as the app quits. Here either signal
stops Qt's event loop instead, so that the app's own shutdown runs: it saves each open
interview while the store is still open. Nothing is asked (no one may be there to
answer): what could not be saved is lost, as it would be to the kill that follows.

Qt runs its event loop outside Python, so a Python signal handler would wait for the
next Python call; the signal's wake-up byte, written to a socket Qt watches, is that
call. Windows sends no such signal at logout: Qt ends the session with `aboutToQuit`,
which the app's shutdown is tied to as well (see `ui.window.run_gui`).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

log = logging.getLogger(__name__)

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class TerminationWatch(QObject):
    """While it lives, SIGTERM and SIGHUP make `app` leave its event loop."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        # A signal the app was started to ignore (`nohup`) stays ignored.
        self._previous = {
            number: signal.signal(number, self._asked)
            for number in SIGNALS
            if signal.getsignal(number) is not signal.SIG_IGN
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        """Python runs again: any handler for the signal that woke it has run by now."""
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)

    def _asked(self, number: int, _frame: object) -> None:
        log.info("asked to end by signal %d: quitting as the app quits", number)
        # Once the event loop runs (exit before it starts would be lost, and the app would
        # start as if not asked); exit, not quit: quit asks each window to close, and the
        # main window would ask about unsaved typing that no one may be there to answer.
        QTimer.singleShot(0, self, partial(self._app.exit, 0))

    def stop(self) -> None:
        """Give the signals back to what handled them before."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
        self.deleteLater()
