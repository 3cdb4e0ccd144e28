"""What was copied from the app's windows does not outlive a lock or the app.

A name copied from a field would otherwise still paste at a locked laptop. At a lock
and at quit, the clipboard (and the X11 selection and macOS find buffer) is cleared if
its content came from this app: the platform says it owns it, or it changed while one
of the app's windows was active. Something copied from another program is left alone.

Clearing cannot reach a clipboard history (Windows' Win+V, KDE's Klipper), so what is
copied here is marked as the platform asks password managers to mark theirs: kept out
of the history, and out of Windows' cloud clipboard.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QMimeData, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication

_MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection, QClipboard.Mode.FindBuffer)
_NO = b"\x00\x00\x00\x00"  # a Windows DWORD of 0


def _windows_format(name: str) -> str:
    return f'application/x-qt-windows-mime;value="{name}"'


if sys.platform == "win32":
    KEEP_OUT_OF_HISTORY = {
        _windows_format("ExcludeClipboardContentFromMonitorProcessing"): _NO,
        _windows_format("CanIncludeInClipboardHistory"): _NO,
        _windows_format("CanUploadToCloudClipboard"): _NO,
    }
elif sys.platform == "darwin":
    KEEP_OUT_OF_HISTORY = {"application/x-nspasteboard-concealed-type": b""}
else:
    KEEP_OUT_OF_HISTORY = {"x-kde-passwordManagerHint": b"secret"}
"""Formats that ask clipboard histories to leave the content out, on this platform."""


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
            if mode is QClipboard.Mode.Clipboard:
                self._keep_out_of_history()
        else:
            self._copied_here.discard(mode)

    def _keep_out_of_history(self) -> None:
        """Copy what was copied again, marked (`KEEP_OUT_OF_HISTORY`); once marked, the
        change this makes is left alone."""
        copied = self._clipboard.mimeData()
        formats = copied.formats() if copied is not None else []
        if copied is None or not formats or set(KEEP_OUT_OF_HISTORY) <= set(formats):
            return
        marked = QMimeData()
        for kind in formats:
            data = copied.data(kind)
            if not data.isEmpty():  # an image is not in its bytes, but in its image data
                marked.setData(kind, data)
        if copied.hasImage():
            marked.setImageData(copied.imageData())
        for kind, value in KEEP_OUT_OF_HISTORY.items():
            marked.setData(kind, value)
        self._clipboard.setMimeData(marked)

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
