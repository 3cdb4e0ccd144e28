"""Changes needing attention: a real conflict (an edit made against a version the service
has moved past) is listed with its case and reason, without personal data; discarding it
asks first, works from the keyboard, is audited and updates the status bar. Sending it
again: test_quarantine_keep_mine.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rhi_desktop.audit import AuditAction
from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import SupervisionSession, new_id
from rhi_desktop.profile import ProfilePaths
from tests.sync.client.live_central import LiveCentral
from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import visible_texts
from tests.ui.live_service import (
    central_service,  # noqa: F401  (the `central` fixture)
    open_app,
    wait_for_sync,
    well_behaved,  # noqa: F401  (faults cleared after each test)
)
from tests.ui.quarantine import audited, both_answered, open_view
from ui.controller import AppController
from ui.main_window import MainWindow


def test_a_conflict_is_listed_with_its_reason_and_sent_again_or_discarded_with_an_audit(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
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
    assert window.status.pending.text() == "0 changes waiting to send (1 needs attention)"
    assert "attention" not in window.status.activity.text()  # counted live, beside it

    view = open_view(qtbot, controller, window)
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

    # Sending it again asks first, since it replaces the service's newer version:
    # test_quarantine_keep_mine.py. Here: discarding, which asks too.
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    QTest.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # &Discard…
    qtbot.waitUntil(lambda: view.confirmation is not None)
    box = view.confirmation
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert box.defaultButton().text() == "Keep"
    assert box.text().startswith(  # what is lost, said before it is
        "What was changed in this record (Return interview) on this computer is lost for "
        "good: this computer keeps the central service's newer version instead."
    )
    QTest.keyClick(box, Qt.Key.Key_Escape)  # kept
    qtbot.waitUntil(lambda: view.confirmation is None)
    assert view.model.rowCount() == 1 and audited(controller, AuditAction.CHANGE_DISCARDED) == []

    view.ask_discard()
    box = view.confirmation
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    discard = next(b for b in box.buttons() if b.text() == "Discard")
    discard.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert controller.holder.store.outbox.counts() == (0, 0)
    discarded = audited(controller, AuditAction.CHANGE_DISCARDED)
    assert [d["change_id"] for d in discarded] == [parked.change_id]
    assert window.status.pending.text() == "0 changes waiting to send"
    assert "attention" not in " ".join(visible_texts(window.status))  # nothing stale left
    assert view.note.text() == "Discarded."
    assert not view.intro.isVisible()  # it explains changes the service did not accept
    view.close()


def test_discarding_a_refused_new_session_says_it_goes_from_this_computer_too(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    store = controller.holder.store
    session = SupervisionSession(new_id(), "coordinator-1", "interviewer-9", date(2026, 1, 5))
    with store.transaction("coordinator-1") as tx:
        tx.supervision_sessions.add(session)
        [entry] = tx.outbox.for_entity("supervision_session", session.id)
        tx.outbox.quarantine(entry.change_id, "rejected: the service found the record invalid")
    view = open_view(qtbot, controller, window)
    row = next(
        n for n in range(view.model.rowCount()) if view.model.row_at(n).change_id == entry.change_id
    )
    view.table.selectRow(row)

    view.ask_discard()

    box = view.confirmation
    assert isinstance(box, QMessageBox)
    assert box.text().startswith(
        "This supervision session never reached the central service, and it is removed "
        "from this computer too"
    )
    next(b for b in box.buttons() if b.text() == "Discard").click()
    qtbot.waitUntil(lambda: store.supervision_sessions.find(session.id) is None)
    view.close()
