"""A lock hides every case at once, even while "Enrol this computer" waits on a service
that is slow to answer: the profile closes when the enrolment lets go of it, but nothing
stays on screen meanwhile. And what was copied from the app does not outlive the lock."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.config import POLICY_ENV_VAR, Settings
from rhi_desktop.profile import ProfilePaths
from tests.sync.client.certificates import issue_server_files, make_authority
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import type_text, unlock_with
from ui.clipboard_guard import KEEP_OUT_OF_HISTORY
from ui.controller import AppController
from ui.first_run import EnrolWizard
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.sync_bridge import enrol_with_service

CTRL = Qt.KeyboardModifier.ControlModifier


class SilentService:
    """A TLS service on loopback that reads each request and never answers it."""

    def __init__(self, directory: Path) -> None:
        authority = make_authority()
        files = issue_server_files(authority, directory, "localhost", ["127.0.0.1"])
        self.ca_pem = authority.pem
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(files.cert, files.key)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.held: list[ssl.SSLSocket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn = self._context.wrap_socket(self._listener.accept()[0], server_side=True)
                conn.recv(65536)
                self.held.append(conn)
            except OSError:
                continue

    def hang_up(self) -> None:
        for conn in self.held:
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.hang_up()
        self._listener.close()


@pytest.fixture
def silent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SilentService]:
    service = SilentService(tmp_path)
    bundle = tmp_path / "council-ca.pem"
    bundle.write_text(service.ca_pem, encoding="ascii")
    policy = tmp_path / "policy.toml"
    policy.write_text(f'ca_bundle = "{bundle}"\n', encoding="utf-8")
    monkeypatch.setenv(POLICY_ENV_VAR, str(policy))
    yield service
    service.close()


def test_a_lock_during_a_slow_enrolment_hides_the_cases_at_once(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, silent: SilentService
) -> None:
    controller = make_controller(settings=Settings.load(seeded), enroller=enrol_with_service)
    controller.start()
    unlock_with(qtbot, controller)
    window = controller.main_window
    assert isinstance(window, MainWindow)
    assert window.caseload.rowCount() > 0
    controller.enrol_later()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EnrolWizard))
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, EnrolWizard)
    page = wizard.enrol_page
    page.server.setText(f"https://127.0.0.1:{silent.port}")
    page.code.setText("ABCD-EFGH-JKLM")
    page.enrol_button.click()
    qtbot.waitUntil(lambda: len(silent.held) > 0, timeout=15_000)

    QTest.keyClick(page.code, Qt.Key.Key_L, CTRL)

    assert window.covered and window.caseload.rowCount() == 0
    assert not wizard.isVisible()
    assert [top for top in QApplication.topLevelWidgets() if top.isVisible()] == [window]
    assert not controller.is_locked  # the enrolment still holds the profile

    with qtbot.waitSignal(controller.locked, timeout=30_000):
        silent.hang_up()  # the enrolment fails and lets go
    assert window.covered and not wizard.isVisible()

    unlock_with(qtbot, controller)
    qtbot.waitUntil(wizard.isVisible)
    assert not window.covered and page.note.text()


def test_what_was_copied_from_a_field_is_gone_after_a_lock(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    clipboard = QApplication.clipboard()
    clipboard.clear()
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NewCaseDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewCaseDialog)
    type_text(dialog.name, "Zoë Łukasz")
    QTest.keyClick(dialog.name, Qt.Key.Key_A, CTRL)
    QTest.keyClick(dialog.name, Qt.Key.Key_C, CTRL)
    assert clipboard.text() == "Zoë Łukasz"
    copied = clipboard.mimeData()
    assert copied is not None
    for kind, value in KEEP_OUT_OF_HISTORY.items():  # a clipboard history is not cleared
        assert bytes(copied.data(kind).data()) == value

    with qtbot.waitSignal(controller.locked):
        QTest.keyClick(dialog.name, Qt.Key.Key_L, CTRL)

    assert clipboard.text() == ""
    unlock_with(qtbot, controller)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.name.text() == "Zoë Łukasz"  # the typing itself is kept
    dialog.reject()
