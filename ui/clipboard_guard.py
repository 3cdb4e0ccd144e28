"""What was copied from the app's windows does not outlive a lock or the app.

A name copied from a field would otherwise still paste at a locked laptop. At a lock
and at quit, the clipboard (and the X11 selection and macOS find buffer) is cleared if
its content came from this app: the platform says it owns it, or it changed while one
of the app's windows was active. Something copied from another program is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication

_MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection, QClipboard.Mode.FindBuffer)


class ClipboardGuard(QObject):
    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._clipboard = app.clipboard()
        self._copied_here: set[QClipboard.Mode] = set()
        self._clipboard.changed.connect(self._changed)

    def _changed(self, mode: QClipboard.Mode) -> None:
        if self._app.applicationState() is Qt.ApplicationState.ApplicationActive:
            self._copied_here.add(mode)
        else:
            self._copied_here.discard(mode)

    def _owns(self, mode: QClipboard.Mode) -> bool:
        if mode is QClipboard.Mode.Selection:
            return self._clipboard.supportsSelection() and self._clipboard.ownsSelection()
        if mode is QClipboard.Mode.FindBuffer:
            return self._clipboard.supportsFindBuffer() and self._clipboard.ownsFindBuffer()
        return self._clipboard.ownsClipboard()

    def forget_copied(self) -> None:
        """Clear whatever the app put on the clipboard."""
        for mode in _MODES:
            if mode in self._copied_here or self._owns(mode):
                self._clipboard.clear(mode)
        self._copied_here.clear()
