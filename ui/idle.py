"""Locking after the policy's idle minutes without keyboard or mouse input.

An event filter on the QApplication sees input for every window, dialogs included (a
modal dialog left open is no reason to stay unlocked), and notes the time of the last
one. A coarse timer asks `check()` whether the limit has passed. Idleness is measured by
`since_boot`, a clock that is never set back and goes on while the laptop sleeps: the
wall clock may be set back, by a person or a time server, and an hour set back would
keep an open draft on screen for an hour more; and a laptop opened after a night asleep
has been idle all night, where no sleep signal locks it first (`ui.os_lock`). The clock
is injected and `check()` is public, so tests move time forward and check without
waiting.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

T = QEvent.Type
INPUT_EVENTS = frozenset(
    {
        T.KeyPress,
        T.KeyRelease,
        T.MouseButtonPress,
        T.MouseButtonRelease,
        T.MouseButtonDblClick,
        T.MouseMove,
        T.Wheel,
        T.TouchBegin,
        T.TouchUpdate,
        T.TabletPress,
        T.TabletMove,
        T.InputMethod,
    }
)
CHECK_INTERVAL_MS = 10_000


def clock_counting_sleep(platform: str) -> Callable[[], float]:
    """Seconds on a clock that is never set back and counts time asleep, on `platform`.
    Python's `time.monotonic` stops while Linux and macOS sleep; on Windows it counts
    sleep (GetTickCount64)."""
    if platform.startswith("linux"):
        return partial(time.clock_gettime, time.CLOCK_BOOTTIME)
    if platform == "darwin":  # CLOCK_MONOTONIC goes on in sleep there
        return partial(time.clock_gettime, time.CLOCK_MONOTONIC)
    return time.monotonic


since_boot = clock_counting_sleep(sys.platform)


class IdleMonitor(QObject):
    """Emits `idle` once when no input arrived for `limit`; `reset()` re-arms it."""

    idle = Signal()

    def __init__(
        self,
        app: QCoreApplication,
        limit: timedelta,
        ticks: Callable[[], float] = since_boot,
        parent: QObject | None = None,
    ) -> None:
        """`ticks`: seconds on a clock that never goes back."""
        super().__init__(parent)
        self._app = app
        self._limit = limit
        self._ticks = ticks
        self._last_input = ticks()
        self._fired = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    @property
    def limit(self) -> timedelta:
        return self._limit

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.reset()
        self._app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)

    def reset(self) -> None:
        self._last_input = self._ticks()
        self._fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._ticks()
        return False

    def idle_for(self) -> timedelta:
        return timedelta(seconds=self._ticks() - self._last_input)

    def check(self) -> None:
        if not self._fired and self.idle_for() >= self._limit:
            self._fired = True
            self.idle.emit()
