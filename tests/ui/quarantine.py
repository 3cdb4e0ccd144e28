"""A real conflict to put in front of the changes-needing-attention window, and the
keyboard ways into and around it, shared by its tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from sync.protocol import Role
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.quarantine_view import QuarantineView

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def answer(laptop: Laptop, interview_id: str, where: str) -> None:
    stored = laptop.store.interviews.get(interview_id)
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.interviews.save_answers(
            interview_id, {**stored.answers, "where_went": where}, expected_version=stored.version
        )


def both_answered(central: LiveCentral, paths: ProfilePaths, elsewhere: Path) -> str:
    """The interviewer answers "B" on this laptop while their other laptop answers "A"
    and sends it first: this laptop's change will conflict."""
    username = central.add_user(Role.INTERVIEWER)
    laptop = new_laptop(central, paths.root, username=username)
    interview_id = record_completed_case(laptop, state=InterviewState.IN_PROGRESS)
    laptop.sync()
    other = new_laptop(central, elsewhere, username=username)
    other.sync()
    answer(other, interview_id, "A")
    assert other.sync().push.applied == 1
    other.profile.close()
    answer(laptop, interview_id, "B")
    laptop.profile.close()
    return interview_id


def open_view(qtbot: QtBot, controller: AppController, window: MainWindow) -> QuarantineView:
    """Ctrl+Shift+A from the caseload: the window, with the keyboard in its table."""
    QTest.keyClick(window.table, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(lambda: controller.attention is not None and controller.attention.isVisible())
    view = controller.attention
    assert view is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    return view


def audited(controller: AppController, action: AuditAction) -> list[dict[str, object]]:
    events = controller.holder.store.audit.events()
    return [dict(e.detail or {}) for e in events if e.action == action]
