"""Locking when the OS locks the session or sleeps. Linux is exercised over a private
D-Bus daemon the test runs itself (never the machine's own buses), playing logind;
Windows' messages are decoded from real MSG structures; a missing bus is harmless."""

from __future__ import annotations

import ctypes
import subprocess
import time
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ControllerFactory
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.os_lock import OsLockWatcher
from ui.os_lock.logind import (
    MANAGER_INTERFACE,
    MANAGER_PATH,
    SERVICE,
    SESSION_INTERFACE,
    LogindWatcher,
    session_path,
)
from ui.os_lock.windows import (
    MSG,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WindowsSessionFilter,
    lock_reason,
    read_message,
)

WTS_SESSION_UNLOCK = 0x8
WM_KEYDOWN = 0x0100


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A session-type dbus-daemon of our own, stopped however the test ends."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:"), "dbus-daemon did not start"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


@pytest.fixture
def logind_bus(private_bus: str) -> Iterator[tuple[QDBusConnection, QDBusConnection]]:
    """(the app's connection, a connection that owns org.freedesktop.login1)."""
    app_bus = QDBusConnection.connectToBus(private_bus, "rhi-test-app")
    logind = QDBusConnection.connectToBus(private_bus, "rhi-test-logind")
    try:
        assert app_bus.isConnected() and logind.isConnected()
        assert logind.registerService(SERVICE)
        yield app_bus, logind
    finally:
        QDBusConnection.disconnectFromBus("rhi-test-app")
        QDBusConnection.disconnectFromBus("rhi-test-logind")


def _unlocked_with(
    qtbot: QtBot, make_controller: ControllerFactory, watcher: OsLockWatcher
) -> tuple[AppController, MainWindow]:
    from tests.ui.driving import unlock_with

    controller = make_controller(os_lock=watcher)
    controller.start()
    unlock_with(qtbot, controller)
    assert controller.main_window is not None
    return controller, controller.main_window


def test_logind_preparing_for_sleep_or_locking_the_session_locks_the_app(
    qtbot: QtBot,
    seeded: object,
    make_controller: ControllerFactory,
    logind_bus: tuple[QDBusConnection, QDBusConnection],
) -> None:
    app_bus, logind = logind_bus
    watcher = OsLockWatcher(bus=app_bus, session_id="2")
    controller, window = _unlocked_with(qtbot, make_controller, watcher)
    assert watcher.active_hooks == ["LogindWatcher"]

    waking = QDBusMessage.createSignal(MANAGER_PATH, MANAGER_INTERFACE, "PrepareForSleep")
    waking.setArguments([False])  # resuming is no reason to lock
    assert logind.send(waking)
    sleeping = QDBusMessage.createSignal(MANAGER_PATH, MANAGER_INTERFACE, "PrepareForSleep")
    sleeping.setArguments([True])
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        assert logind.send(sleeping)
    assert window.covered

    from tests.ui.driving import unlock_with

    unlock_with(qtbot, controller)
    other = QDBusMessage.createSignal(session_path("7"), SESSION_INTERFACE, "Lock")
    assert logind.send(other)  # another user's session locking is not ours
    ours = QDBusMessage.createSignal(session_path("2"), SESSION_INTERFACE, "Lock")
    with qtbot.waitSignal(controller.locked, timeout=10_000):
        assert logind.send(ours)
    assert window.covered and controller.is_locked


def test_a_missing_system_bus_is_noted_and_nothing_waits_for_it(qtbot: QtBot) -> None:
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/rhi-bus", "rhi-test-none")
    try:
        started = time.monotonic()
        watcher = LogindWatcher(nowhere, "2")
        assert watcher.start() is False
        os_watcher = OsLockWatcher(bus=nowhere, session_id="2")
        os_watcher.start(QApplication.instance())  # type: ignore[arg-type]
        assert os_watcher.active_hooks == []
        os_watcher.stop()
        assert time.monotonic() - started < 1.0
    finally:
        QDBusConnection.disconnectFromBus("rhi-test-none")


def test_logind_session_paths_are_escaped_as_logind_does() -> None:
    assert session_path("2") == "/org/freedesktop/login1/session/_32"
    assert session_path("c1") == "/org/freedesktop/login1/session/c1"
    assert session_path("12") == "/org/freedesktop/login1/session/_312"
    assert session_path("a-b") == "/org/freedesktop/login1/session/a_2db"


def _msg(message: int, wparam: int) -> MSG:
    return MSG(hwnd=None, message=message, wParam=wparam, lParam=0, time=0, pt_x=0, pt_y=0)


def test_windows_session_lock_and_suspend_messages_lock_and_nothing_else_does() -> None:
    assert lock_reason(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK) == "session-lock"
    assert lock_reason(WM_POWERBROADCAST, PBT_APMSUSPEND) == "sleep"
    assert lock_reason(WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK) is None
    assert lock_reason(WM_KEYDOWN, WTS_SESSION_LOCK) is None

    seen: list[str] = []
    event_filter = WindowsSessionFilter(seen.append)
    for message, wparam in (
        (WM_KEYDOWN, 0x41),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK),
        (WM_POWERBROADCAST, PBT_APMSUSPEND),
    ):
        msg = _msg(message, wparam)
        address = ctypes.addressof(msg)
        assert read_message(address) == (message, wparam)
        assert event_filter.nativeEventFilter(b"windows_generic_MSG", address) == (False, 0)
        assert event_filter.nativeEventFilter(b"xcb_generic_event_t", address) == (False, 0)
    assert seen == ["session-lock", "sleep"]
