"""The data-entry dialogs by keyboard alone: Enter saves however far Tab has gone round,
and every Alt+letter reaches the field its label names, with no letter used twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from tests.ui.driving import active_modal, select_first
from tests.ui.mnemonics import mnemonic_clashes
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def _open(qtbot: QtBot, window: MainWindow, key: Qt.Key, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.table, key, CTRL)
    return active_modal(qtbot, kind)


def _focus_after(qtbot: QtBot, dialog: QWidget, letter: Qt.Key) -> QWidget | None:
    QTest.keyClick(QApplication.focusWidget() or dialog, letter, ALT)
    qtbot.wait(10)
    return QApplication.focusWidget()


def test_enter_saves_after_tab_has_gone_past_cancel(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _controller, window = unlocked
    dialog = _open(qtbot, window, Qt.Key.Key_N, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    for _ in range(40):  # once round, through Save and Cancel, back to the first field
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is cancel:
            break
    assert QApplication.focusWidget() is cancel
    QTest.keyClick(cancel, Qt.Key.Key_Tab)
    dialog.case_reference.setFocus()
    QTest.keyClicks(dialog.case_reference, "SCH-77")

    QTest.keyClick(dialog.case_reference, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.problem.isVisible())  # Save checked what was typed
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    assert dialog.isVisible()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isDefault()
    dialog.reject()


def test_each_alt_letter_of_the_found_child_dialog_reaches_its_field(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _controller, window = unlocked
    dialog = _open(qtbot, window, Qt.Key.Key_N, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    assert mnemonic_clashes(dialog) == {}
    assert _focus_after(qtbot, dialog, Qt.Key.Key_D) is dialog.start_date
    assert _focus_after(qtbot, dialog, Qt.Key.Key_E) is dialog.return_date
    dialog.reject()


def test_each_alt_letter_of_the_offer_dialog_reaches_its_field(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _controller, window = unlocked
    select_first(window, InterviewState.ASSIGNED)
    dialog = _open(qtbot, window, Qt.Key.Key_O, OfferDialog)
    assert isinstance(dialog, OfferDialog)
    assert mnemonic_clashes(dialog) == {}
    dialog.outcome.setFocus()
    assert _focus_after(qtbot, dialog, Qt.Key.Key_W) is dialog.offer_date
    dialog.reject()
