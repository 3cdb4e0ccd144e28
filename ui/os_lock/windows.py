"""Windows: lock on WM_WTSSESSION_CHANGE (session locked) and on suspend.

A native event filter on the application reads each MSG. Session-change messages are
only sent to windows registered with WTSRegisterSessionNotification, so the main window
registers itself (`register_window`) once it has a native handle; the suspend broadcast
(WM_POWERBROADCAST/PBT_APMSUSPEND) reaches every top-level window anyway. The message
decoding is plain ctypes and is tested on every platform.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0
_EVENT_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


class MSG(ctypes.Structure):
    """The Win32 MSG structure (wintypes spelled out so it also loads off Windows)."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_ulong),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


def lock_reason(message: int, wparam: int) -> str | None:
    """Why this window message should lock the app, or None."""
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return "session-lock"
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "sleep"
    return None


def read_message(address: int) -> tuple[int, int]:
    msg = MSG.from_address(address)
    return int(msg.message), int(msg.wParam)


class WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[str], None]) -> None:
        super().__init__()
        self._on_lock = on_lock
        self._app: QCoreApplication | None = None

    def start(self, app: QCoreApplication) -> bool:
        self._app = app
        app.installNativeEventFilter(self)
        return True

    def stop(self) -> None:
        if self._app is not None:
            self._app.removeNativeEventFilter(self)
            self._app = None

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind in _EVENT_TYPES and message:
            reason = lock_reason(*read_message(int(message)))
            if reason is not None:
                self._on_lock(reason)
        return False, 0


def register_window(hwnd: int) -> bool:
    """Ask Windows to send this window session-change messages (Windows only)."""
    if sys.platform != "win32":
        return False
    try:
        wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
        return bool(wtsapi.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION))
    except (OSError, AttributeError) as exc:
        log.info("session notifications unavailable (%s)", type(exc).__name__)
        return False
