"""Unlocking: wrong passphrases back off with a live countdown (time injected) that a
restart does not reset, the key work runs off the GUI thread, and the wipe policy, a
damaged key file, a key file and database that do not belong together, a keystore that
is not reachable yet and a full disk are explained in words."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.audit import AuditAction
from rhi_desktop.config import POLICY_ENV_VAR, Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile, open_profile
from tests.core.store.mounts import tmpfs
from tests.core.vault.test_disk_full_at_unlock import fill
from tests.ui.conftest import ControllerFactory, FakeClock
from tests.ui.driving import PASSPHRASE, screenshot, type_text, unlock_with
from ui.controller import AppController
from ui.first_run import FirstRunWizard
from ui.unlock import UnlockPanel


def _try(qtbot: QtBot, panel: UnlockPanel, passphrase: str) -> None:
    type_text(panel.passphrase, passphrase)
    with qtbot.waitSignal(panel.unlock_requested):
        QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.passphrase.isEnabled() or panel.waiting, timeout=20_000)


def _panel(controller: AppController) -> UnlockPanel:
    assert controller.unlock_window is not None
    return controller.unlock_window.panel


def test_wrong_passphrases_start_a_live_countdown_that_a_restart_does_not_reset(
    qtbot: QtBot,
    seeded: ProfilePaths,
    make_controller: ControllerFactory,
    clock: FakeClock,
    artifacts_dir: Path,
) -> None:
    first = make_controller()
    first.start()
    panel = _panel(first)
    for _ in range(3):  # the free attempts: told, but not made to wait
        _try(qtbot, panel, "not the right words")
        assert "not right" in panel.message.text() and not panel.waiting
    _try(qtbot, panel, "still not the right words")
    assert panel.waiting
    assert panel.countdown.text() == "You can try again in 2 seconds."
    assert "not right" in panel.message.text()
    assert "try again" not in panel.message.text()  # the countdown alone says when
    assert not panel.passphrase.isEnabled() and not panel.unlock_button.isEnabled()
    screenshot(first.unlock_window, "11-unlock-back-off", artifacts_dir)  # type: ignore[arg-type]
    clock.advance(seconds=1)
    panel.tick()
    assert panel.countdown.text() == "You can try again in 1 second."
    first.shutdown()

    second = make_controller()  # quit and start again: the wait is still there
    second.start()
    panel = _panel(second)
    assert panel.waiting and panel.countdown.text() == "You can try again in 1 second."
    assert not panel.unlock_button.isEnabled()
    clock.advance(seconds=1)
    panel.tick()
    assert not panel.waiting and panel.unlock_button.isEnabled()
    assert panel.message.text() == "You can try again now."

    unlock_with(qtbot, second)
    events = second.holder.store.audit.events()
    failures = [e for e in events if e.action == AuditAction.UNLOCK_FAILED]
    assert len(failures) == 4
    assert events[-1].action == AuditAction.UNLOCK


def test_the_key_is_derived_and_the_database_opened_off_the_gui_thread(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory
) -> None:
    threads: list[threading.Thread] = []

    def find_keystore() -> None:
        threads.append(threading.current_thread())

    controller = make_controller(find_keystore=find_keystore)
    controller.start()
    panel = _panel(controller)
    type_text(panel.passphrase, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=20_000):
        QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
        assert panel.message.text() == "Unlocking…"  # the window is still painting
        assert not panel.passphrase.isEnabled()
    assert threads and threads[0] is not threading.main_thread()


def test_the_wipe_policy_erases_the_profile_and_starts_setup_again(
    qtbot: QtBot,
    seeded: ProfilePaths,
    make_controller: ControllerFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("max_failed_unlocks = 2\n", encoding="utf-8")
    monkeypatch.setenv(POLICY_ENV_VAR, str(policy))
    controller = make_controller(settings=Settings.load(seeded))
    controller.start()
    panel = _panel(controller)
    _try(qtbot, panel, "not the right words")
    assert "After 1 more wrong attempt the data on this computer will be erased" in (
        panel.message.text()
    )
    type_text(panel.passphrase, "wrong again")
    QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(controller.wizard, FirstRunWizard), timeout=20_000)
    assert not seeded.vault.exists() and not seeded.db.exists()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "erased" in box.text()
    box.accept()


def test_a_damaged_key_file_is_explained_not_crashed_on(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory
) -> None:
    seeded.vault.write_text("{ not json", encoding="utf-8")
    controller = make_controller()
    controller.start()
    panel = _panel(controller)
    assert "key file (vault.json) is damaged" in panel.message.text()
    type_text(panel.passphrase, PASSPHRASE)
    QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.passphrase.isEnabled(), timeout=20_000)
    assert "damaged" in panel.message.text() and controller.is_locked


def test_a_keystore_that_comes_up_after_the_app_started_is_used_on_the_next_try(
    qtbot: QtBot, paths: ProfilePaths, make_controller: ControllerFactory, tmp_path: Path
) -> None:
    """At login the Secret Service may not be up when the app first looks: the person is
    told to retry, not sent to IT, and the retry finds the keystore and unlocks."""
    keystore = PlaintextKeyring()
    keystore.file_path = str(tmp_path / "keystore.cfg")
    create_profile(paths, PASSPHRASE, Settings.load(paths), keystore).close()
    reachable = False

    def find_keystore() -> PlaintextKeyring | None:
        return keystore if reachable else None

    controller = make_controller(find_keystore=find_keystore)
    controller.start()
    panel = _panel(controller)
    _try(qtbot, panel, PASSPHRASE)
    assert controller.is_locked
    assert "keystore could not be reached" in panel.message.text()
    assert "recovery key" not in panel.message.text()

    reachable = True
    type_text(panel.passphrase, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=20_000):
        QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert not controller.is_locked


def test_a_replaced_database_is_explained_without_blaming_the_key_file(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, tmp_path: Path
) -> None:
    other = ProfilePaths(tmp_path / "other")
    create_profile(other, PASSPHRASE, Settings.load(other), None).close()
    seeded.db.write_bytes(other.db.read_bytes())
    controller = make_controller()
    controller.start()
    panel = _panel(controller)
    _try(qtbot, panel, PASSPHRASE)
    message = panel.message.text()
    assert controller.is_locked
    assert "do not belong together" in message
    assert "belongs to another profile" not in message
    assert "restore both from the same backup" in message


def test_a_full_disk_at_unlock_says_the_disk_is_full(
    qtbot: QtBot, paths: ProfilePaths, make_controller: ControllerFactory
) -> None:
    with tmpfs(paths.root, "2m"):
        create_profile(paths, PASSPHRASE, Settings.load(paths), None).close()
        filler = fill(paths.root)
        controller = make_controller()
        controller.start()
        panel = _panel(controller)
        _try(qtbot, panel, PASSPHRASE)
        assert controller.is_locked
        assert panel.message.text() == (
            "The disk is full; free some space and try again. Nothing already saved was lost."
        )
        filler.unlink()
        unlock_with(qtbot, controller)
        controller.shutdown()


def test_unlocking_clears_the_copy_of_an_export_a_crash_cut_short(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, tmp_path: Path
) -> None:
    """A hidden full copy of an export stayed beside the file chosen until someone
    exported to that same file again: nobody knew it was there."""
    out = tmp_path / "exports" / "list8.csv"
    out.parent.mkdir()
    copy = out.parent / f".{out.name}.abc123.tmp"  # as the export's own copy is named
    copy.write_text("case,dob\nC-1,2012-01-01\n")
    profile = open_profile(seeded, PASSPHRASE, Settings.load(seeded), None)
    with profile.store.transaction(profile.actor) as tx:
        tx.exports_under_way.begin(out)  # noted, then the crash
    profile.close()
    controller = make_controller()
    controller.start()
    unlock_with(qtbot, controller)
    assert not copy.exists()
    assert controller.holder.store.exports_under_way.paths() == []
