"""What an interviewer typed is not thrown away by a slip of Escape or Cancel: the found
child, offer and late-reason dialogs ask first, keep it unless told to discard, and close
at once when nothing was typed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from tests.ui.conftest import FakeClock
from tests.ui.discarding import closes_at_once_on_escape, keeps_then_discards
from tests.ui.driving import active_modal, select_first, type_text
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog
from ui.sign_off_dialogs import LateReasonDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _new_case(qtbot: QtBot, window: MainWindow) -> NewCaseDialog:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    dialog = active_modal(qtbot, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    return dialog


def _offer(qtbot: QtBot, window: MainWindow) -> OfferDialog:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    dialog = active_modal(qtbot, OfferDialog)
    assert isinstance(dialog, OfferDialog)
    return dialog


def test_a_half_typed_found_child_survives_escape_until_discarded(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    closes_at_once_on_escape(qtbot, _new_case(qtbot, window))

    dialog = _new_case(qtbot, window)
    QTest.keyClicks(dialog.case_reference, "SCH-41")
    QTest.keyClick(dialog.case_reference, Qt.Key.Key_Tab)
    type_text(dialog.name, "Siân Example")
    keeps_then_discards(qtbot, dialog, lambda: (dialog.case_reference.text(), dialog.name.text()))
    assert controller.holder.store.children.by_case_reference("SCH-41") is None


def test_an_offer_being_recorded_survives_escape_but_its_prefilled_time_alone_does_not_ask(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    interview_id = select_first(window, InterviewState.ASSIGNED)
    offers_before = controller.holder.store.offers.for_interview(interview_id)
    closes_at_once_on_escape(qtbot, _offer(qtbot, window))  # today's date and time only

    dialog = _offer(qtbot, window)
    dialog.outcome.setFocus()
    QTest.keyClick(dialog.outcome, Qt.Key.Key_Down)
    QTest.keyClick(dialog.outcome, Qt.Key.Key_Down)  # declined by the child
    QTest.keyClick(dialog.outcome, Qt.Key.Key_Tab)
    type_text(dialog.reason, "Wants to talk to their own worker first")
    keeps_then_discards(
        qtbot, dialog, lambda: (dialog.outcome.currentIndex(), dialog.reason.toPlainText())
    )
    assert controller.holder.store.offers.for_interview(interview_id) == offers_before


def test_a_late_reason_survives_escape_until_discarded(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    _controller, window = unlocked
    saved: list[str] = []

    def late_reason() -> LateReasonDialog:
        dialog = LateReasonDialog(saved.append, clock.now - timedelta(hours=80), clock.now, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    closes_at_once_on_escape(qtbot, late_reason())
    dialog = late_reason()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)
    type_text(dialog.reason, "The young person was away until Monday")
    keeps_then_discards(qtbot, dialog, dialog.reason.toPlainText)
    assert saved == []
