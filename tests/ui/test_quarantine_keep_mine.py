"""Sending a conflicting change again asks first, because it replaces the newer version
the service holds: confirmed, the change is queued to replace it and the next sync sends
it; cancelled (the default), it stays parked. A choice the store refuses is explained."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.audit import AuditAction
from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from tests.sync.client.live_central import LiveCentral
from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import ControllerFactory
from tests.ui.live_service import (
    SYNC_WAIT_MS,
    central_service,  # noqa: F401  (the `central` fixture)
    open_app,
    wait_for_sync,
    well_behaved,  # noqa: F401  (faults cleared after each test)
)
from tests.ui.quarantine import audited, both_answered, open_view
from ui.controller import AppController
from ui.quarantine_view import QuarantineView


def _ask(qtbot: QtBot, view: QuarantineView) -> QMessageBox:
    QTest.keyClick(view.table, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Send again
    qtbot.waitUntil(lambda: view.confirmation is not None)
    box = view.confirmation
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def _retried(controller: AppController) -> list[dict[str, object]]:
    return audited(controller, AuditAction.CHANGE_RETRIED)


def _where(controller: AppController, interview_id: str) -> object:
    return controller.holder.store.interviews.get(interview_id).answers["where_went"]


def test_a_confirmed_conflict_is_sent_in_place_of_the_newer_version(
    qtbot: QtBot,
    tmp_path: Path,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    interview_id = both_answered(central, paths, tmp_path / "other-laptop")
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    assert controller.holder.store.outbox.counts() == (0, 1)
    assert _where(controller, interview_id) == "A"
    newer = central.entity("interview", interview_id).version
    view = open_view(qtbot, controller, window)
    parked = view.model.row_at(0)

    box = _ask(qtbot, view)
    assert box.windowTitle() == "Replace the newer version?"
    assert "newer version of this record (Return interview), made elsewhere" in box.text()
    assert "Sample Park" not in box.text() and "Testwell" not in box.text()
    assert box.defaultButton() is box.escapeButton()
    assert box.defaultButton().text() == "Cancel"
    assert unnamed_controls(box) == []
    QTest.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Send mine

    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.confirmation is None
    queued = controller.holder.store.outbox.get(parked.change_id)
    assert (queued.base_version, controller.holder.store.outbox.counts()) == (newer, (1, 0))
    assert _retried(controller) == [{"change_id": parked.change_id, "replaces_version": newer}]
    assert _where(controller, interview_id) == "B"
    assert view.note.text() == "Queued to send at the next sync, in place of the newer version."
    assert window.status.pending.text() == "1 change waiting to send"

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(controller.sync.finished, timeout=SYNC_WAIT_MS):
        QTest.keyClick(window.table, Qt.Key.Key_F9)
    assert controller.holder.store.outbox.counts() == (0, 0)
    assert view.model.rowCount() == 0
    on_service = central.entity("interview", interview_id)
    assert (on_service.version, on_service.payload["answers"]["where_went"]) == (newer + 1, "B")
    view.close()


def test_cancelling_leaves_a_conflict_parked(
    qtbot: QtBot,
    tmp_path: Path,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    interview_id = both_answered(central, paths, tmp_path / "other-laptop")
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    view = open_view(qtbot, controller, window)
    parked = controller.holder.store.outbox.get(view.model.row_at(0).change_id)

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):  # Enter takes the default: cancel
        box = _ask(qtbot, view)
        QTest.keyClick(box, key)
        qtbot.waitUntil(lambda: view.confirmation is None)
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
        assert QApplication.focusWidget() is view.table  # back where the person was

    assert view.model.rowCount() == 1
    assert controller.holder.store.outbox.get(parked.change_id) == parked
    assert _retried(controller) == []
    assert _where(controller, interview_id) == "A"
    assert window.status.pending.text() == "0 changes waiting to send (1 needs attention)"
    view.close()


def test_a_conflict_waits_for_a_later_change_of_the_same_record(
    qtbot: QtBot,
    tmp_path: Path,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    interview_id = both_answered(central, paths, tmp_path / "other-laptop")
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    store = controller.holder.store
    shown = store.interviews.get(interview_id)
    with store.transaction(controller.holder.actor) as tx:  # edited again, on "A"
        tx.interviews.save_answers(
            interview_id, {**shown.answers, "where_went": "C"}, expected_version=shown.version
        )
    view = open_view(qtbot, controller, window)
    parked = store.outbox.get(view.model.row_at(0).change_id)

    box = _ask(qtbot, view)
    QTest.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Send mine

    qtbot.waitUntil(lambda: view.confirmation is None)
    assert view.note.text().startswith("Another change to this record, made ")
    assert view.note.text().endswith(
        "is still waiting to be sent. Sync first so that it is sent, then deal with this one."
    )
    assert store.outbox.get(parked.change_id) == parked
    assert store.outbox.counts() == (1, 1) and view.model.rowCount() == 1
    assert _where(controller, interview_id) == "C"
    assert _retried(controller) == []
    view.close()
