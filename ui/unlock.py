"""Unlocking: the passphrase panel with a live back-off countdown, and its window.

The same panel is the start-up unlock window and the cover a locked main window shows.
The back-off (after repeated wrong passphrases) counts down every second from the
vault's own figure; the clock is injected and `tick()` is public, so tests advance time
instead of waiting. The panel knows nothing of the vault: the controller tells it what
happened, and it emits `unlock_requested` with what was typed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.screen_fit import resize_within_screen

Clock = Callable[[], datetime]
PANEL_WIDTH = 460
MARGIN = 24


class UnlockPanel(QFrame):
    unlock_requested = Signal(str)

    def __init__(self, clock: Clock, *, locked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPanel")
        self._clock = clock
        self._retry_at: datetime | None = None
        self._busy = False
        self._ready = True

        self.heading = QLabel(
            self.tr("RHI Desktop is locked") if locked else self.tr("Unlock RHI Desktop")
        )
        self.heading.setObjectName("heading")
        self.explanation = QLabel(
            self.tr(
                "Case data is hidden and the database is closed. Type your passphrase to "
                "carry on where you left off."
            )
            if locked
            else self.tr("Type your passphrase to open your caseload.")
        )
        self.explanation.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")

        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.passphrase)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 20, MARGIN, 20)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addSpacing(8)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown)
        self.setFixedWidth(PANEL_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self._fit(self.explanation)
        self._update_enabled()

    # -- what the controller tells it ----------------------------------------------------

    def set_ready(self, ready: bool) -> None:
        """Not ready: shown while the rest of the app loads; typing is kept, Enter waits."""
        self._ready = ready
        self.unlock_button.setEnabled(ready and not self._busy and self._retry_at is None)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self._say(self.tr("Unlocking…"))
        self._update_enabled()

    def show_problem(self, text: str) -> None:
        self._say(text)

    def wait_before_retry(self, seconds: float) -> None:
        """Start (or clear, with 0) the back-off countdown."""
        if seconds <= 0:
            self._retry_at = None
            self._timer.stop()
            self.countdown.clear()
        else:
            self._retry_at = self._clock() + timedelta(seconds=seconds)
            self._timer.start()
            self.tick()
        self._update_enabled()

    def reset(self) -> None:
        self.passphrase.clear()
        self._say("")
        self._busy = False
        self._update_enabled()

    def stop_timers(self) -> None:
        self._timer.stop()

    @property
    def waiting(self) -> bool:
        return self._retry_at is not None

    # -- internals -----------------------------------------------------------------------

    def tick(self) -> None:
        if self._retry_at is None:
            return
        left = (self._retry_at - self._clock()).total_seconds()
        if left <= 0:
            self.wait_before_retry(0)
            self._say(self.tr("You can try again now."))
            self.passphrase.setFocus()
            return
        self.countdown.setText(self._wait_text(math.ceil(left)))

    def _wait_text(self, seconds: int) -> str:
        minutes, secs = divmod(seconds, 60)
        if minutes:
            return self.tr("You can try again in {0} min {1:02d} s.").format(minutes, secs)
        if seconds == 1:
            return self.tr("You can try again in 1 second.")
        return self.tr("You can try again in {0} seconds.").format(seconds)

    def _submit(self) -> None:
        if self._busy or self._retry_at is not None or not self._ready:
            return
        text = self.passphrase.text()
        if not text:
            self._say(self.tr("Type your passphrase first."))
            return
        self.passphrase.clear()
        self.unlock_requested.emit(text)

    def hasHeightForWidth(self) -> bool:
        return False  # the width is fixed; wrapped labels reserve their height (_fit)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._fit(self.message)

    def _fit(self, label: QLabel) -> None:
        """Reserve the height wrapped text needs at the panel's fixed width, so the box
        grows with a long message instead of squeezing the passphrase field."""
        label.setMinimumHeight(max(0, label.heightForWidth(PANEL_WIDTH - 2 * MARGIN - 2)))

    def _update_enabled(self) -> None:
        allowed = not self._busy and self._retry_at is None
        self.passphrase.setEnabled(allowed)
        self.unlock_button.setEnabled(allowed and self._ready)
        if allowed:
            self.passphrase.setFocus()


class UnlockWindow(QWidget):
    """The start-up window (and the lock screen when no main window exists yet)."""

    closed_by_user = Signal()

    def __init__(self, clock: Clock, *, locked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("RHI Desktop"))
        self.setObjectName("unlockWindow")
        self.panel = UnlockPanel(clock, locked=locked)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        resize_within_screen(self, 640, 420)
        self._closing_programmatically = False

    def close_quietly(self) -> None:
        self._closing_programmatically = True
        self.panel.stop_timers()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.stop_timers()
        if not self._closing_programmatically:
            self.closed_by_user.emit()
        super().closeEvent(event)
