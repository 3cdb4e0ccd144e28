"""Changes needing attention: a real conflict (an edit made against a version the service
has moved past) is listed with its reason, without personal data; sending it again (which
asks first) and discarding it both work from the keyboard, are audited, and update the
status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rhi_desktop.audit import AuditAction
from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from sync.protocol import Role
from tests.sync.client.devices import new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import visible_texts
from tests.ui.live_service import (
    central_service,  # noqa: F401  (the `central` fixture)
    open_app,
    wait_for_sync,
    well_behaved,  # noqa: F401  (faults cleared after each test)
)
from tests.ui.test_accessibility import unnamed_controls
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.quarantine_view import QuarantineView

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _stale_edit(central: LiveCentral, paths: ProfilePaths, elsewhere: Path) -> str:
    """The interviewer's laptop starts an interview that, meanwhile, their other laptop
    started too and sent first: this laptop's change is made on a version now stale."""
    username = central.add_user(Role.INTERVIEWER)
    laptop = new_laptop(central, paths.root, username=username)
    interview_id = record_completed_case(laptop, state=InterviewState.OFFERED)
    assert laptop.sync().push.applied == 4
    other = new_laptop(central, elsewhere, username=username)
    other.sync()
    with other.store.transaction(other.profile.actor) as tx:
        tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS)
    assert other.sync().push.applied == 1
    other.profile.close()
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS)
    laptop.profile.close()
    return interview_id


def _open_view(qtbot: QtBot, controller: AppController, window: MainWindow) -> QuarantineView:
    QTest.keyClick(window.table, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(lambda: controller.attention is not None and controller.attention.isVisible())
    view = controller.attention
    assert view is not None
    return view


def _audited(controller: AppController, action: AuditAction) -> list[dict[str, object]]:
    events = controller.holder.store.audit.events()
    return [dict(e.detail or {}) for e in events if e.action == action]


def test_a_conflict_is_listed_with_its_reason_and_sent_again_or_discarded_with_an_audit(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    tmp_path: Path,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    interview_id = _stale_edit(central, paths, tmp_path / "other-laptop")
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    assert controller.holder.store.outbox.counts() == (0, 1)
    assert window.status.pending.text() == "0 changes waiting to send (1 needs attention)"
    assert window.status.activity.text().endswith("; 1 needs attention")

    view = _open_view(qtbot, controller, window)
    qtmodeltester.check(view.model)  # type: ignore[no-untyped-call]
    assert unnamed_controls(view) == []
    assert view.model.rowCount() == 1
    parked = view.model.row_at(0)
    kind, case, _when, reason = (view.model.index(0, c).data() for c in range(4))
    store = controller.holder.store
    assert kind == "Return interview"
    assert case == store.children.get(store.interviews.get(interview_id).child_id).case_reference
    assert reason == (
        "Changed on another computer since your last sync. Send yours again to replace that "
        "version, or discard yours."
    )
    assert view.intro.isVisible()
    shown = " ".join(visible_texts(view))
    assert "Testwell" not in shown and "Sample Park" not in shown  # no personal data
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)

    # Sending it again would replace the service's newer version, so it asks first;
    # cancelling (the default) leaves it parked. Confirming: test_quarantine_keep_mine.py.
    QTest.keyClick(view.table, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Send again
    qtbot.waitUntil(lambda: view.confirmation is not None)  # a mnemonic clicks after a moment
    box = view.confirmation
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert box.defaultButton().text() == "Cancel"
    QTest.keyClick(box, Qt.Key.Key_Escape)  # still parked
    qtbot.waitUntil(lambda: view.confirmation is None)
    assert view.model.rowCount() == 1 and controller.holder.store.outbox.counts() == (0, 1)
    assert _audited(controller, AuditAction.CHANGE_RETRIED) == []
    assert window.status.pending.text() == "0 changes waiting to send (1 needs attention)"

    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    QTest.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # &Discard…
    qtbot.waitUntil(lambda: view.confirmation is not None)
    box = view.confirmation
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert box.defaultButton().text() == "Keep"
    QTest.keyClick(box, Qt.Key.Key_Escape)  # kept
    qtbot.waitUntil(lambda: view.confirmation is None)
    assert view.model.rowCount() == 1 and _audited(controller, AuditAction.CHANGE_DISCARDED) == []

    view.ask_discard()
    box = view.confirmation
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    discard = next(b for b in box.buttons() if b.text() == "Discard")
    discard.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert controller.holder.store.outbox.counts() == (0, 0)
    discarded = _audited(controller, AuditAction.CHANGE_DISCARDED)
    assert [d["change_id"] for d in discarded] == [parked.change_id]
    assert window.status.pending.text() == "0 changes waiting to send"
    assert view.note.text() == "Discarded."
    assert not view.intro.isVisible()  # it explains changes the service did not accept
    view.close()
