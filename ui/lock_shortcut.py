"""Ctrl+L locks from anywhere, including from inside a modal dialog.

The main window's Lock action owns the shortcut, but while a modal dialog is open Qt
does not deliver the main window's shortcuts. This application-wide filter catches the
same key in that case, so "lock now" never depends on which window has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

LOCK_KEYS = QKeySequence("Ctrl+L")


class LockShortcutFilter(QObject):
    triggered = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or QApplication.activeModalWidget() is None:
            return False
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        if pressed.matches(LOCK_KEYS) == QKeySequence.SequenceMatch.ExactMatch:
            self.triggered.emit()
            return True
        return False
