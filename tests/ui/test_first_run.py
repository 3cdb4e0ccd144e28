"""First run: the protection in use said plainly, the enrolment seam (supplied enroller
runs off the GUI thread; refusals and bugs explained; none wired: offline), quitting
before a profile exists, and a profile that cannot be created."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from rhi_desktop.config import POLICY_ENV_VAR, Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import OpenProfile, create_profile
from rhi_desktop.vault import Protection, Vault
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import PASSPHRASE, type_text
from ui.controller import AppController
from ui.enrolment import EnrolmentOutcome
from ui.first_run import ENROL_PAGE, FirstRunWizard


def _to_enrolment(qtbot: QtBot, controller: AppController) -> FirstRunWizard:
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    page = wizard.passphrase_page
    qtbot.waitUntil(lambda: page.protection.text() != "Checking this computer's keystore…")
    type_text(page.passphrase, PASSPHRASE)
    type_text(page.confirm, PASSPHRASE)
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=20_000):
        QTest.keyClick(page.confirm, Qt.Key.Key_Return)
    assert wizard.currentId() == ENROL_PAGE
    return wizard


class RecordingEnroller:
    """An enroller as the sync layer would supply: says what happened, in words."""

    def __init__(self, outcome: EnrolmentOutcome | Exception) -> None:
        self.outcome = outcome
        self.calls: list[tuple[str, str, str, bool]] = []

    def __call__(self, profile: OpenProfile, server_url: str, code: str) -> EnrolmentOutcome:
        on_gui_thread = threading.current_thread() is threading.main_thread()
        self.calls.append((profile.vault.db_id, server_url, code, on_gui_thread))
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


def _enrol(qtbot: QtBot, wizard: FirstRunWizard, server: str, code: str) -> None:
    page = wizard.enrol_page
    page.server.clear()
    QTest.keyClicks(page.server, server)
    QTest.keyClicks(page.code, code)
    QTest.keyClick(page.enrol_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.isComplete(), timeout=20_000)


def test_an_enroller_runs_off_the_gui_thread_and_success_opens_the_caseload(
    qtbot: QtBot, make_controller: ControllerFactory, paths: ProfilePaths
) -> None:
    enroller = RecordingEnroller(EnrolmentOutcome(True, "This computer is enrolled."))
    controller = make_controller(enroller=enroller)
    wizard = _to_enrolment(qtbot, controller)
    page = wizard.enrol_page
    assert page.can_enrol and page.code.isEnabled()
    _enrol(qtbot, wizard, "https://rhi.example.gov.uk", "ABCD-1234")
    assert enroller.calls == [
        (Vault.load(paths).db_id, "https://rhi.example.gov.uk", "ABCD-1234", False)
    ]
    assert page.note.text() == "This computer is enrolled."
    assert not page.code.isEnabled()
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Open caseload"
    QTest.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None)


def test_a_refused_enrolment_is_explained_and_the_person_can_retry_or_go_offline(
    qtbot: QtBot, make_controller: ControllerFactory
) -> None:
    refusal = "That code has expired. Ask your administrator for a new one."
    enroller = RecordingEnroller(EnrolmentOutcome(False, refusal))
    controller = make_controller(enroller=enroller)
    wizard = _to_enrolment(qtbot, controller)
    _enrol(qtbot, wizard, "https://rhi.example.gov.uk", "OLD-CODE")
    page = wizard.enrol_page
    assert page.note.text() == refusal and page.code.isEnabled() and not page.enrolled
    enroller.outcome = RuntimeError("token=s3cr3t for Amara Example")
    page.code.clear()
    _enrol(qtbot, wizard, "https://rhi.example.gov.uk", "NEW-CODE")
    assert "Sorry, something went wrong (reference" in page.note.text()
    assert "s3cr3t" not in page.note.text() and "Amara" not in page.note.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Continue &offline"
    QTest.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    assert len(enroller.calls) == 2


def test_enter_in_the_code_box_enrols_rather_than_going_on_offline(
    qtbot: QtBot, make_controller: ControllerFactory
) -> None:
    """Type the code, press Enter: that enrols. The wizard's own default, Continue
    offline, used to take the Enter, and the code typed was dropped without a word."""
    enroller = RecordingEnroller(EnrolmentOutcome(True, "This computer is enrolled."))
    controller = make_controller(enroller=enroller)
    wizard = _to_enrolment(qtbot, controller)
    page = wizard.enrol_page
    page.server.clear()
    QTest.keyClicks(page.server, "https://rhi.example.gov.uk")
    QTest.keyClicks(page.code, "ABCD-1234")

    QTest.keyClick(page.code, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.isComplete(), timeout=20_000)
    assert [call[1:3] for call in enroller.calls] == [("https://rhi.example.gov.uk", "ABCD-1234")]
    assert controller.wizard is wizard and page.enrolled


def test_without_an_enroller_the_page_says_why_and_offline_is_the_way_on(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    paths: ProfilePaths,
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('server_url = "https://rhi.council.example"\n', encoding="utf-8")
    monkeypatch.setenv(POLICY_ENV_VAR, str(policy))
    controller = make_controller(settings=Settings.load(paths))
    wizard = _to_enrolment(qtbot, controller)
    page = wizard.enrol_page
    assert not page.can_enrol and not page.enrol_button.isEnabled()
    assert "not available in this version" in page.note.text()
    assert page.server.text() == "https://rhi.council.example" and page.server.isReadOnly()


def test_the_protection_statement_names_the_keystore_when_this_computer_has_one(
    qtbot: QtBot, make_controller: ControllerFactory, tmp_path: Path, paths: ProfilePaths
) -> None:
    keystore = PlaintextKeyring()
    keystore.file_path = str(tmp_path / "keyring.cfg")  # stands in for the OS keystore
    controller = make_controller(find_keystore=lambda: keystore)
    controller.start()
    assert controller.wizard is not None
    page = controller.wizard.passphrase_page
    qtbot.waitUntil(
        lambda: page.protection.text().startswith(Protection.PASSPHRASE_AND_KEYSTORE.describe())
    )
    type_text(page.passphrase, PASSPHRASE)
    type_text(page.confirm, PASSPHRASE)
    with qtbot.waitSignal(controller.wizard.currentIdChanged, timeout=20_000):
        QTest.keyClick(page.confirm, Qt.Key.Key_Return)
    assert Vault.load(paths).protection is Protection.PASSPHRASE_AND_KEYSTORE


def test_quitting_before_setting_a_passphrase_leaves_nothing_behind(
    qtbot: QtBot, make_controller: ControllerFactory, paths: ProfilePaths
) -> None:
    controller = make_controller()
    controller.start()
    assert controller.wizard is not None
    with qtbot.waitSignal(controller.finished):
        QTest.keyClick(controller.wizard, Qt.Key.Key_Escape)
    assert not paths.exists()


def test_a_profile_folder_that_cannot_be_created_is_explained_and_nothing_moves_on(
    qtbot: QtBot, make_controller: ControllerFactory, paths: ProfilePaths
) -> None:
    paths.root.parent.mkdir(parents=True, exist_ok=True)
    paths.root.write_text("a file where the profile folder should be", encoding="utf-8")
    controller = make_controller()
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    page = wizard.passphrase_page
    qtbot.waitUntil(lambda: page.protection.text() != "Checking this computer's keystore…")
    type_text(page.passphrase, PASSPHRASE)
    type_text(page.confirm, PASSPHRASE)
    QTest.keyClick(page.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.passphrase.isEnabled(), timeout=20_000)
    assert "could not use a file or folder" in page.status.text()
    assert wizard.currentId() != ENROL_PAGE and not controller.holder.is_open


@pytest.mark.parametrize("lost", ["rhi.db", "vault.json"])
def test_a_set_up_or_wipe_cut_short_offers_set_up_again(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    paths: ProfilePaths,
    settings: Settings,
    lost: str,
) -> None:
    # A crash between the set-up's two files (or a wipe's) leaves only one of them.
    create_profile(paths, PASSPHRASE, settings, None).close()
    (paths.root / lost).unlink()

    wizard = _to_enrolment(qtbot, make_controller())

    assert wizard.passphrase_page.created and paths.is_complete()
    assert len(list(paths.root.glob("*.left-*"))) == 1  # set aside, not deleted
