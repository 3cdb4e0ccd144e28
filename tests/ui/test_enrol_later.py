"""A computer that skipped enrolment at first run enrols later from the main window, by
keyboard, with a real one-time code against the real central service over real TLS: the
first run's enrolment page does the work, and syncing starts as after a fresh enrolment.
Until then the status bar says "Not enrolled", not "Offline"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from rhi_desktop.config import POLICY_ENV_VAR, Settings
from rhi_desktop.profile import ProfilePaths
from sync.protocol import Role
from tests.sync.client.devices import PASSPHRASE, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral
from tests.ui.conftest import START, ControllerFactory, seed_profile
from tests.ui.driving import focused, type_text, unlock_with
from tests.ui.live_service import (
    SYNC_WAIT_MS,
    central_service,  # noqa: F401  (the `central` fixture)
    runner,
    well_behaved,  # noqa: F401  (faults cleared after each test)
)
from ui.controller import AppController
from ui.first_run import EnrolWizard
from ui.main_window import MainWindow
from ui.sync_bridge import enrol_with_service

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def trusting(
    tmp_path: Path, central: LiveCentral, paths: ProfilePaths, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """Settings under machine policy naming the service's CA bundle, as IT would set it."""
    bundle = tmp_path / "council-ca.pem"
    bundle.write_text(central.ca_pem, encoding="ascii")
    policy = tmp_path / "policy.toml"
    policy.write_text(f'ca_bundle = "{bundle}"\n', encoding="utf-8")
    monkeypatch.setenv(POLICY_ENV_VAR, str(policy))
    return Settings.load(paths)


def _unlocked(
    qtbot: QtBot, make_controller: ControllerFactory, trusting: Settings
) -> tuple[AppController, MainWindow]:
    """The app, able to enrol with the service, unlocked on the profile at `paths`."""
    controller = make_controller(
        settings=trusting, enroller=enrol_with_service, sync_runner=runner(trusting)
    )
    controller.start()
    unlock_with(qtbot, controller, PASSPHRASE)
    window = controller.main_window
    assert window is not None
    return controller, window


def test_a_computer_that_went_offline_enrols_later_by_keyboard_and_starts_syncing(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    trusting: Settings,
    make_controller: ControllerFactory,
) -> None:
    seed_profile(paths, trusting, 0, START)  # set up with "Continue offline"
    controller, window = _unlocked(qtbot, make_controller, trusting)
    bar = window.status
    assert bar.connection.text() == "Not enrolled"
    assert "not enrolled" in bar.connection.accessibleDescription()
    assert bar.last_sync.text() == "Last sync: never"
    assert window.enrol_action.isVisible()
    button = window.toolbar.widgetForAction(window.enrol_action)
    assert button is not None and button.accessibleName() == "Enrol this computer"

    QTest.keyClick(window.table, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and window.enrol_action in menu.actions()
    QTest.keyClick(menu, Qt.Key.Key_E)  # "&Enrol this computer…"
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EnrolWizard))
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, EnrolWizard) and wizard.enrol_page.parent() is not None
    page = wizard.enrol_page

    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.server)
    type_text(focused(), central.url)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.code
    type_text(focused(), central.code_for(central.add_user(Role.INTERVIEWER)))
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.enrol_button
    QTest.keyClick(focused(), Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: not page.busy, timeout=SYNC_WAIT_MS)
    assert page.note.text() == (
        "This computer is enrolled. Your work will be sent when you are online."
    )
    enrolment = controller.holder.store.sync_state.enrolment()
    assert enrolment is not None and controller.holder.actor == enrolment.user_id
    qtbot.waitUntil(lambda: bar.connection.text() == "● Online", timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: not controller.sync.running, timeout=SYNC_WAIT_MS)
    assert bar.activity.text().startswith("Synced: ")
    assert bar.last_sync.text().startswith("Last sync: ")
    assert not window.enrol_action.isVisible()  # enrolled: nothing more to enrol

    assert focused() is wizard.button(wizard.WizardButton.FinishButton)
    assert focused().accessibleName() == "Done"
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_a_computer_the_service_no_longer_knows_enrols_again_and_sends_its_work(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    trusting: Settings,
    make_controller: ControllerFactory,
) -> None:
    """Told to enrol again (its token is not one the service holds, as after the service
    was restored), with "Enrol this computer…" hidden because it had enrolled once: its
    waiting work could never be sent."""
    username = central.add_user(Role.INTERVIEWER)
    laptop = new_laptop(central, paths.root, username=username)
    try:
        record_completed_case(laptop)
        with laptop.store.transaction(laptop.profile.actor) as tx:
            tx.sync_state.set_device_token("x" * 43)
    finally:
        laptop.profile.close()
    controller, window = _unlocked(qtbot, make_controller, trusting)
    qtbot.waitUntil(lambda: not controller.sync.running, timeout=SYNC_WAIT_MS)
    bar = window.status
    assert bar.activity.text() == (
        "Sync did not finish: The central service no longer recognises this computer. Ask "
        "IT for a new one-time code, then choose Enrol this computer in the File menu."
    )
    assert bar.connection.text() == "○ Not connected"
    assert window.enrol_action.isVisible() and window.enrol_action.isEnabled()
    waiting = controller.holder.store.outbox.counts()[0]
    assert waiting > 0

    window.enrol_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EnrolWizard))
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, EnrolWizard)
    page = wizard.enrol_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.server)
    type_text(focused(), central.url)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(focused(), central.code_for(username))
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.busy, timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: bar.connection.text() == "● Online", timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: not controller.sync.running, timeout=SYNC_WAIT_MS)
    assert controller.holder.store.outbox.counts() == (0, 0)  # the work kept was sent
    assert not window.enrol_action.isVisible()
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    controller.shutdown()
