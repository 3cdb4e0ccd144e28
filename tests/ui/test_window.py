"""Starting the app: an existing profile's unlock window is on screen before the rest of
the app has loaded and is taken over by it; bad machine policy stops the start with the
file and key named; the status bar shows what the sync layer reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.config import POLICY_ENV_VAR
from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.logs import stop_file_logging
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import Enrolment
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import PASSPHRASE, type_text, unlock_with
from ui.controller import AppController
from ui.sync_status import ConnectionStatus
from ui.window import build, early_unlock_window, profile_paths


@pytest.fixture(autouse=True)
def _log_file_detached() -> Iterator[None]:
    """`build` starts the app's log file, as the app does; detach it afterwards."""
    yield
    stop_file_logging()


def test_the_unlock_window_shows_first_and_the_app_takes_it_over_once_loaded(
    qtbot: QtBot, seeded: ProfilePaths
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = profile_paths(["--profile", str(seeded.root)])
    first = early_unlock_window(paths)
    assert first is not None and first.isVisible()
    panel = first.panel
    type_text(panel.passphrase, PASSPHRASE)  # typing already works; Enter waits
    with qtbot.assertNotEmitted(panel.unlock_requested):
        QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert panel.passphrase.text() == PASSPHRASE and not panel.unlock_button.isEnabled()

    controller = build(paths, app, unlock_window=first, watch_os_lock=False)
    assert isinstance(controller, AppController)
    try:
        controller.start()
        assert controller.unlock_window is first and panel.unlock_button.isEnabled()
        with qtbot.waitSignal(controller.unlocked, timeout=20_000):
            QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
        assert controller.main_window is not None and not first.isVisible()
    finally:
        controller.shutdown()


def test_no_profile_means_no_early_window(tmp_path: Path) -> None:
    assert early_unlock_window(ProfilePaths(tmp_path / "none")) is None


def test_a_bad_machine_policy_stops_the_start_naming_the_file_and_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("idle_lock_minutes = 0\n", encoding="utf-8")
    monkeypatch.setenv(POLICY_ENV_VAR, str(policy))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    message = build(ProfilePaths(tmp_path / "profile"), app, watch_os_lock=False)
    assert isinstance(message, str)
    assert str(policy) in message and "idle_lock_minutes" in message


class Reporting:
    """A connection status as the sync engine reports it."""

    def __init__(self, status: ConnectionStatus) -> None:
        self.status = status

    def current(self) -> ConnectionStatus:
        return self.status


def test_the_status_bar_shows_the_sync_layers_report_and_changes_waiting(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory
) -> None:
    synced = datetime(2025, 3, 10, 8, 45, tzinfo=UTC)
    source = Reporting(ConnectionStatus(online=True, last_success=synced))
    controller = make_controller(status_source=source)
    controller.start()
    unlock_with(qtbot, controller)
    window = controller.main_window
    assert window is not None
    bar = window.status
    assert bar.connection.text() == "Not enrolled"  # whatever the source says
    store = controller.holder.store
    with store.transaction(controller.holder.actor) as tx:
        tx.sync_state.set_enrolment(
            Enrolment(
                "https://rhi.example.gov.uk", "device-1", "user-1", "interviewer", None, synced
            )
        )
    window.enrolled()
    pending, _ = controller.holder.store.outbox.counts()
    assert bar.connection.text() == "● Online"
    assert bar.pending.text() == f"{pending} changes waiting to send"
    assert bar.last_sync.text() == f"Last sync: {format_london(synced)}"
    source.status = ConnectionStatus(online=False, last_success=synced)
    window.refresh_status()  # what the bar's timer does every few seconds
    assert bar.connection.text() == "○ Offline"
